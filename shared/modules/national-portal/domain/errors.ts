/** The portal could not be reached or did not answer in time: retried with backoff. */
export class PortalUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PortalUnavailableError';
  }
}

/** The portal refused what we sent (or our credentials): a person must look; retried, then the DLQ. */
export class PortalRejectedError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PortalRejectedError';
  }
}
