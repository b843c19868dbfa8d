import { spawnSync } from 'node:child_process';

/**
 * Runs `command args` (a cheap version query) and returns its combined output; throws a one-line
 * error carrying `hint` when the command is not installed, so the user learns what to install.
 * The command is looked up on `env.PATH`.
 */
export function requireCommand(
  command: string,
  args: string[],
  hint: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    const where = command.includes('/') ? '' : ' on PATH';
    throw new Error(
      missing
        ? `\`${command}\` was not found${where}. ${hint}`
        : `\`${command} ${args.join(' ')}\` failed: ${result.error.message}. ${hint}`,
    );
  }
  return `${result.stdout}${result.stderr}`;
}
