/**
 * Runs `run` every `intervalMs` as EventBridge would, except that a tick which finds the last run
 * still going is skipped: local intervals (a second in tests) are far shorter than the deployed
 * ones, and runs piling up on a loaded machine starve the API of the emulators' sockets.
 * Returns the function that stops it.
 */
export function everyInterval(intervalMs: number, run: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return () => clearInterval(timer);
}
