/**
 * The AWS SDK warns once per process that it will need Node 22 from 2027. On the supported Node 20
 * that line is noise in every local start and test run; every other warning is still printed.
 */
export function silenceSdkNodeVersionWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (!warning.message.includes('NodeVersionSupportWarning')) console.warn(warning);
  });
}
