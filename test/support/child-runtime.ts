import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../local/runtime';
import type { RuntimeInfo } from '../../local/runtime-info';

/**
 * `npm start` as a separate process group on a data folder of its own, so a test can kill it like a
 * crashed machine (SIGKILL to the group: the runtime and its DynamoDB Local die at once, nothing runs
 * a shutdown hook) and start it again on the same folder. It never touches the shared test runtime.
 */
export class ChildRuntime {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly dataDir: string,
    private readonly settings: Record<string, string>,
  ) {}

  async start(timeoutMs = 90_000): Promise<RuntimeInfo> {
    const infoFile = join(this.dataDir, 'runtime.json');
    rmSync(infoFile, { force: true }); // a killed runtime leaves its own behind
    // Only what the process needs: the test worker's environment points at the shared runtime.
    const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG', 'JAVA_HOME'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
    this.child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['local/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...inherited, PORT: '0', DATA_DIR: this.dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR', ...this.settings },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => void (this.output = (this.output + chunk.toString()).slice(-20_000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(infoFile)) {
      if (this.child.exitCode !== null) throw new Error(`local runtime exited with ${this.child.exitCode}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`local runtime did not start within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Written after the consumers started; read again if caught mid-write.
    let info: RuntimeInfo;
    for (;;) {
      try {
        info = JSON.parse(readFileSync(infoFile, 'utf8')) as RuntimeInfo;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // The info file is the runtime's "ready": its API must answer by then (not the 503 of a start).
    const health = await fetch(`${info.baseUrl}/v1/health`);
    if (health.status !== 200) throw new Error(`runtime info was written before the API answered (health ${health.status})`);
    return info;
  }

  /** SIGKILL to the whole process group, then wait until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    // DynamoDB Local is in the group: wait for its port to be free of it too.
    await new Promise((r) => setTimeout(r, 300));
  }

  /** A clean stop (SIGTERM): the runtime's own shutdown. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }

  get log(): string {
    return this.output;
  }
}
