import { startFauxqs, type FauxqsServer } from 'fauxqs';

export interface SqsLocal {
  readonly endpoint: string;
  readonly server: FauxqsServer;
  stop(): Promise<void>;
}

/**
 * fauxqs speaks the SQS JSON protocol the real `@aws-sdk/client-sqs` uses, with visibility timeouts,
 * long polling, FIFO groups, deduplication and redrive to dead-letter queues.
 */
export async function startSqsLocal(): Promise<SqsLocal> {
  const server = await startFauxqs({ host: '127.0.0.1', port: 0, logger: false });
  return { endpoint: `http://127.0.0.1:${server.port}`, server, stop: () => server.stop() };
}
