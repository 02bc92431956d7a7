/**
 * `tsx bench/ipn-rounds.ts [rounds]`: the IPN goal alone, on one local runtime started as bench/run.ts
 * starts it. Each round measures the emulator's conditional PutItem rate and, right after, replayed
 * IPNs (bench/payments.ts), each for BENCH_SECONDS [3]: short paired windows, so both halves of a
 * ratio see the same machine load on a shared machine. Prints each round, then the medians and load,
 * with the CPU µs per operation spent by this process (gateway, handler, SDK) and by the emulator's
 * JVM: where an IPN's time goes beside the one conditional write it is compared with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { replayedIpnUrl } from './payments';
import { conditionalPutRate } from './references';
import { load } from './throughput';
import { startBenchRuntime } from './bench-runtime';

silenceSdkNodeVersionWarning();

const rounds = Number(process.argv[2] ?? 7);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const machineLoad = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** CPU seconds so far of the emulator's JVM (the java process listening on `port`), from /proc; undefined elsewhere. */
function emulatorCpuSeconds(port: string): number | undefined {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('java') || !cmdline.split('\0').includes(port)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Runs `window` and answers its rate with the CPU µs per operation this process and the emulator spent. */
async function measured(port: string, window: () => Promise<number>) {
  const node = process.cpuUsage();
  const java = emulatorCpuSeconds(port);
  const started = performance.now();
  const rate = await window();
  const operations = rate * ((performance.now() - started) / 1000);
  const nodeUs = (process.cpuUsage(node).user + process.cpuUsage(node).system) / operations;
  const javaAfter = emulatorCpuSeconds(port);
  const javaUs = java !== undefined && javaAfter !== undefined ? ((javaAfter - java) * 1e6) / operations : NaN;
  return { rate, nodeUs, javaUs };
}

const runtime = await startBenchRuntime();
const puts: number[] = [];
const ipns: number[] = [];
const ratios: number[] = [];
const cpu = { putNode: [] as number[], putJava: [] as number[], ipnNode: [] as number[], ipnJava: [] as number[] };
try {
  const port = new URL(runtime.container.settings.aws.endpoints!.dynamodb!).port;
  const url = await replayedIpnUrl(runtime);
  // Not counted: the emulator's JVM and the handler warm up.
  await conditionalPutRate(runtime, seconds);
  await load({ url, seconds, connections: 16 });
  for (let round = 1; round <= rounds; round++) {
    const putWindow = await measured(port, () => conditionalPutRate(runtime, seconds));
    let ipn = { requestsPerSecond: 0, p99Ms: 0 };
    const ipnWindow = await measured(port, async () => {
      const result = await load({ url, seconds, connections: 16 });
      if (result.non2xx || result.errors) throw new Error(`IPN load: ${result.non2xx} non-2xx, ${result.errors} errors`);
      ipn = result;
      return result.requestsPerSecond;
    });
    const put = putWindow.rate;
    cpu.putNode.push(putWindow.nodeUs);
    cpu.putJava.push(putWindow.javaUs);
    cpu.ipnNode.push(ipnWindow.nodeUs);
    cpu.ipnJava.push(ipnWindow.javaUs);
    puts.push(put);
    ipns.push(ipn.requestsPerSecond);
    ratios.push(ipn.requestsPerSecond / put);
    console.log(`round ${round}: conditional PutItem ${put.toFixed(0)}/s, IPN ${ipn.requestsPerSecond.toFixed(0)}/s (p99 ${ipn.p99Ms} ms), ratio ${(ipn.requestsPerSecond / put).toFixed(2)}; CPU µs per op (node/emulator): put ${putWindow.nodeUs.toFixed(0)}/${putWindow.javaUs.toFixed(0)}, IPN ${ipnWindow.nodeUs.toFixed(0)}/${ipnWindow.javaUs.toFixed(0)}; load ${machineLoad()}`);
  }
} finally {
  await runtime.stop();
}
console.log(
  `median of ${rounds}: conditional PutItem ${median(puts).toFixed(0)}/s, IPN ${median(ipns).toFixed(0)}/s, ratio ${median(ratios).toFixed(2)}; ` +
    `CPU µs per op (node/emulator): put ${median(cpu.putNode).toFixed(0)}/${median(cpu.putJava).toFixed(0)}, IPN ${median(cpu.ipnNode).toFixed(0)}/${median(cpu.ipnJava).toFixed(0)}; load ${machineLoad()}`,
);
