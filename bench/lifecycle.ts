import { randomUUID } from 'node:crypto';
import type { LocalRuntime } from '../local/runtime';
import { sandboxSettings } from '../local/sandboxes/settings';
import { Functions } from '../shared/app/functions';
import { Queues } from '../shared/platform/config/resources';
import { createDocumentClient } from '../shared/platform/dynamodb/client';
import { DynamoDossierStore } from '../shared/modules/dossiers/dynamodb';
import { signParams, toVnpAmount } from '../shared/modules/payments/providers/vnpay/protocol';
import { vietnamTimestamp } from '../shared/platform/kernel/time';
import type { Invocation, LifecycleOperations } from './cost';

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);

/** Meters what the handlers of one runtime do while it is on; handed to startLocalRuntime as onInvocation. */
export class LifecycleMeter {
  on = false;
  invocations: Invocation[] = [];
  writes = 0;
  writeUnits = 0;
  readUnits = 0;
  sends = { fifo: 0, standard: 0 };
  /** Item writes by key family (the partition key's first segment and the sort key's), for the profile. */
  writesByKey = new Map<string, number>();
  private tally(item: { pk?: unknown; sk?: unknown } | undefined, how: string): void {
    const family = (v: unknown) => String(v ?? '?').split('#')[0];
    const key = `${how} ${family(item?.pk)}/${family(item?.sk)}`;
    this.writesByKey.set(key, (this.writesByKey.get(key) ?? 0) + 1);
  }
  private tallyInput(command: string, input: Record<string, any>): void {
    const one = (op: Record<string, any>, how: string) => this.tally(op.Item ?? op.Key, how);
    if (command === 'TransactWriteItemsCommand') {
      for (const t of input.TransactItems ?? []) for (const [how, op] of Object.entries(t as Record<string, any>)) if (how !== 'ConditionCheck') one(op, `tx.${how}`);
    } else if (command === 'BatchWriteItemCommand') {
      for (const rows of Object.values(input.RequestItems ?? {}) as any[][]) for (const r of rows) one(r.PutRequest ?? r.DeleteRequest ?? {}, r.PutRequest ? 'batch.Put' : 'batch.Delete');
    } else one(input, command.replace('ItemCommand', ''));
  }
  readonly onInvocation = (functionName: string, ms: number) => {
    if (!this.on) return;
    const fn = Functions.find((f) => f.name === functionName);
    this.invocations.push({ functionName, ms, memoryMb: fn?.memoryMb ?? 512 });
  };

  /** Counts item writes and consumed capacity on the handlers' own DynamoDB client, and sends on their SQS client. */
  attach(runtime: LocalRuntime): void {
    runtime.container.documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        const input = args.input as { TransactItems?: unknown[]; RequestItems?: Record<string, unknown[]>; ReturnConsumedCapacity?: string };
        if (this.on) input.ReturnConsumedCapacity ??= 'TOTAL';
        const result = await next(args);
        if (!this.on) return result;
        if (WRITE_COMMANDS.has(command)) this.tallyInput(command, input as Record<string, any>);
        if (command === 'TransactWriteItemsCommand') this.writes += input.TransactItems?.length ?? 0;
        else if (command === 'BatchWriteItemCommand') this.writes += Object.values(input.RequestItems ?? {}).reduce((s, r) => s + r.length, 0);
        else if (WRITE_COMMANDS.has(command)) this.writes += 1;
        const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        for (const c of (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }[]) {
          const units = c.CapacityUnits ?? 0;
          if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
            this.readUnits += c.ReadCapacityUnits ?? 0;
            this.writeUnits += c.WriteCapacityUnits ?? 0;
          } else if (WRITE_COMMANDS.has(command)) this.writeUnits += units;
          else this.readUnits += units;
        }
        return result;
      },
      { step: 'initialize', name: 'benchLifecycleMeter' },
    );
    runtime.container.sqsClient.middlewareStack.add(
      (next) => async (args) => {
        if (this.on) {
          const url = (args.input as { QueueUrl?: string }).QueueUrl ?? '';
          if (url.endsWith('.fifo')) this.sends.fifo += 1;
          else this.sends.standard += 1;
        }
        return next(args);
      },
      { step: 'initialize', name: 'benchLifecycleSends' },
    );
  }

  /**
   * What the lifecycle cost. A queue consumer's invocation stands for one ReceiveMessage and one
   * DeleteMessageBatch by Lambda's poller (its idle long polls are a fixed monthly cost, not per dossier).
   */
  operations(): LifecycleOperations {
    let fifo = this.sends.fifo;
    let standard = this.sends.standard;
    for (const i of this.invocations) {
      const fn = Functions.find((f) => f.name === i.functionName);
      if (fn?.trigger.kind !== 'queue') continue;
      if (Queues[fn.trigger.queue].fifo) fifo += 2;
      else standard += 2;
    }
    const http = new Set(Functions.filter((f) => f.trigger.kind === 'http').map((f) => f.name));
    return {
      apiRequests: this.invocations.filter((i) => http.has(i.functionName)).length,
      invocations: this.invocations,
      writeUnits: this.writeUnits,
      readUnits: this.readUnits,
      sqsFifoRequests: fifo,
      sqsStandardRequests: standard,
      // Locally the secrets are given by value; in AWS each is read once per cold container and cached 5 minutes (standard throughput: free).
      ssmCalls: 0,
    };
  }
}

export interface LifecycleResult {
  readonly writes: number;
  readonly stateChanges: number;
  readonly operations: LifecycleOperations;
}

/**
 * One dossier through its whole online life over HTTP and the queues, as a portal and the gateway drive
 * it: registered, a VNPay payment created and its IPN received, the electronic result issued. Its state
 * is watched on a client of its own, so the watching is not metered.
 */
export async function measureLifecycle(runtime: LocalRuntime, meter: LifecycleMeter): Promise<LifecycleResult> {
  const agency = `LIFE-${randomUUID().slice(0, 6).toUpperCase()}`;
  const citizen = '031099012345';
  const dossierNo = `BENCH-LIFE-${randomUUID().slice(0, 8)}`;
  const agencyToken = await runtime.tokens.mint({ role: 'agency', agency });
  const citizenToken = await runtime.tokens.mint({ role: 'citizen', sub: citizen });
  const call = async (token: string, method: string, path: string, body?: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${runtime.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Record<string, any>;
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const watcher = new DynamoDossierStore(createDocumentClient(runtime.container.settings.aws), runtime.tableName);
  const waitFor = async (status: string) => {
    for (let i = 0; i < 400; i++) {
      if ((await watcher.get(dossierNo))?.status === status) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    const last = await watcher.get(dossierNo);
    throw new Error(`dossier never reached ${status}: ${last?.status}, ${JSON.stringify(last?.timeline)}, payments ${JSON.stringify(last?.payments)}`);
  };

  meter.on = true;
  await call(agencyToken, 'PUT', `/v1/dossiers/${dossierNo}`, {
    procedureCode: '2.000815', agencyCode: agency, channel: 'online', submittedAt: new Date().toISOString(),
    applicant: { citizenId: citizen, fullName: 'Bench', phone: '0912345678' }, inputs: { pages: 1 },
  });
  await waitFor('AWAITING_PAYMENT');
  const payment = await call(citizenToken, 'POST', `/v1/dossiers/${dossierNo}/payments`, { provider: 'vnpay', returnUrl: `${runtime.baseUrl}/sandbox/portal/payment-result` }, { 'idempotency-key': randomUUID() });
  const sandbox = sandboxSettings();
  const params = signParams(
    {
      vnp_Amount: toVnpAmount(payment.amount), vnp_BankCode: 'NCB', vnp_OrderInfo: 'bench', vnp_PayDate: vietnamTimestamp(new Date()),
      vnp_ResponseCode: '00', vnp_TmnCode: sandbox.vnpayTmnCode, vnp_TransactionNo: String(Date.now() % 100_000_000), vnp_TransactionStatus: '00',
      vnp_TxnRef: new URL(payment.redirectUrl).searchParams.get('vnp_TxnRef')!,
    },
    sandbox.vnpayHashSecret,
  );
  const ipn = (await (await fetch(`${runtime.baseUrl}/v1/callbacks/vnpay/ipn?${new URLSearchParams(params)}`)).json()) as { RspCode: string };
  if (ipn.RspCode !== '00') throw new Error(`IPN answered ${JSON.stringify(ipn)}`);
  await waitFor('PROCESSING');
  await call(agencyToken, 'POST', `/v1/dossiers/${dossierNo}/result`, { kind: 'electronic', issuedAt: new Date().toISOString() });
  await waitFor('RESULT_RETURNED');
  // Reactions to the last event (receipts, notices, the national portal) finish after the status moves.
  await new Promise((r) => setTimeout(r, 1_500));
  meter.on = false;
  const dossier = await watcher.get(dossierNo);
  const stateChanges = dossier!.timeline.filter((t) => t.applied && t.from !== t.to).length;
  return { writes: meter.writes, stateChanges, operations: meter.operations() };
}
