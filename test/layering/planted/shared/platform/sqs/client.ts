/** Planted fixture: stands for an adapter with I/O. */
export const sqs = { send: (): void => undefined };
