import { BusinessRuleError, InvalidInputError } from '../../../platform/kernel/errors';

export class MissingInputError extends InvalidInputError {
  override readonly code = 'MISSING_INPUT';
  constructor(input: string, ruleCode: string) {
    super(`Input "${input}" is required by fee rule ${ruleCode}`, {
      details: [{ path: `inputs.${input}`, message: `required by fee rule ${ruleCode}` }],
    });
  }
}

export class NoRateError extends InvalidInputError {
  override readonly code = 'NO_RATE_FOR_INPUTS';
}

export class UnknownProcedureError extends BusinessRuleError {
  override readonly code = 'UNKNOWN_PROCEDURE';
  constructor(procedureCode: string) {
    super(`No procedure with code ${procedureCode}`, {
      details: [{ path: 'procedureCode', message: 'unknown procedure' }],
    });
  }
}

export class ChannelNotAllowedError extends BusinessRuleError {
  override readonly code = 'CHANNEL_NOT_ALLOWED';
  constructor(channel: string, allowed: readonly string[]) {
    super(`Channel ${channel} is not allowed for this procedure`, {
      details: [{ path: 'channel', message: `allowed: ${allowed.join(', ')}` }],
    });
  }
}

export class NoScheduleInForceError extends BusinessRuleError {
  override readonly code = 'NO_SCHEDULE_IN_FORCE';
  constructor(date: string, path = 'submittedAt') {
    super(`No fee schedule is in force on ${date}`, {
      details: [{ path, message: `no fee schedule in force on ${date} (Viet Nam date)` }],
    });
  }
}

export class PostalReturnNotAllowedError extends BusinessRuleError {
  override readonly code = 'POSTAL_RETURN_NOT_ALLOWED';
  constructor(path = 'delivery') {
    super('This procedure does not allow return of the result by post', {
      details: [{ path, message: 'postal return is not allowed for this procedure' }],
    });
  }
}
