import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));

/**
 * In a Lambda only zod/mini is bundled, and mini loads no messages of its own: a 400's `details` would
 * read "Invalid input". Tests here share their process with classic zod (some helpers use it), which
 * loads the English messages for everyone, so this one parses in a process of its own that imports
 * shared/platform/api/zod.ts and nothing else.
 */
function messagesInFreshProcess(script: string): string[] {
  const program = `import * as z from './shared/platform/api/zod.ts';\n${script}\nconsole.log(JSON.stringify(result.error.issues.map((i) => i.message)));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { cwd: REPO, encoding: 'utf8' })) as string[];
}

describe('Module: shared/platform/api/zod (zod/mini as every schema uses it)', () => {
  it("answers classic zod's English messages without classic zod loaded", () => {
    const messages = messagesInFreshProcess(
      "const result = z.strictObject({ name: z.string().check(z.minLength(2)), pages: z.int(), kind: z.enum(['a', 'b']) }).safeParse({ name: 'x', pages: 1.5, kind: 'c', extra: 1 });",
    );
    expect(messages).toEqual([
      'Too small: expected string to have >=2 characters',
      'Invalid input: expected int, received number',
      'Invalid option: expected one of "a"|"b"',
      'Unrecognized key: "extra"',
    ]);
  }, 30_000);
});
