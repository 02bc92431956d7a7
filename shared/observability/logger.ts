import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Keys whose values are personal data (Decree 13/2023 on personal data protection). Whatever path a
 * value takes into a log entry, under one of these keys it is written as "[redacted]".
 */
const PERSONAL_KEYS = new Set([
  'citizenid',
  'sub',
  'phone',
  'fullname',
  'email',
  'address',
  'street',
  'recipient',
  'applicant',
  'authorization',
  'evidenceref',
]);

/** Numbers that look like a citizen id (12 digits) or a Vietnamese phone, inside free text. */
const PERSONAL_PATTERNS = [/\b\d{12}\b/g, /(?:\+?84|\b0)[35789]\d{8}\b/g];

export function redactText(text: string): string {
  return PERSONAL_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, '[redacted]'), text);
}

/** Keys Powertools itself writes whose values are identifiers of AWS resources, never personal data. */
const SYSTEM_KEYS = new Set(['function_arn', 'function_request_id', 'xray_trace_id', 'correlation_id', 'timestamp']);

/** JSON replacer applied to every log entry before it is written. */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (key !== '' && PERSONAL_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string' && !SYSTEM_KEYS.has(key)) return redactText(value);
  return value;
}

export function createLogger(): Logger {
  return new Logger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'toantrinh',
    jsonReplacerFn: redactPersonalData,
  });
}

export const logger = createLogger();
