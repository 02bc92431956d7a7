/** The emulators accept any credentials; these make the SDK's credential chain resolve offline. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'ap-southeast-1';
