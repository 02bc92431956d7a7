// Planted violation: a module domain importing the platform's SQS adapter (not the kernel).
import { sqs } from '../../../platform/sqs/client';

export const rule = (): void => sqs.send();
