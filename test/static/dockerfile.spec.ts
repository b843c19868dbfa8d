import { existsSync, readdirSync, statSync } from 'node:fs';
import { SERVICE_NAMES } from '#libs/contracts';
import { join } from 'node:path';
import {
  argumentsOf,
  copiesOf,
  type DockerfileStage,
  finalStageHasHealthcheck,
  instructionsOf,
  readDockerfileStages,
} from './dockerfile-stages.js';
import { APP_NODE_OPTIONS } from '../../tools/stack/app-process.js';
import { readRepoFile, repoPath } from './static-files.js';

/**
 * No Docker engine runs where the tests run, so the Dockerfile is checked by parsing it
 * (dockerfile-ast): the properties a reviewer would otherwise have to remember.
 */
const stages = readDockerfileStages();
const runtime = stages.at(-1)!;
const runCommands = (stage: DockerfileStage | undefined) =>
  stage ? instructionsOf(stage, 'RUN').map((run) => argumentsOf(run).join(' ')) : [];

/** .dockerignore rules in order; the last rule matching a path or one of its parents wins. */
function isInBuildContext(path: string): boolean {
  const rules = readRepoFile('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = line.replace(/^!/, '').replace(/^\/|\/$/g, '');
      const source = pattern
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { include, regex: new RegExp(`^${source}$`) };
    });
  const parts = path.split('/');
  const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  let included = true;
  for (const { include, regex } of rules) {
    if (candidates.some((candidate) => regex.test(candidate))) included = include;
  }
  return included;
}

function filesUnder(relative: string): string[] {
  const absolute = repoPath(relative);
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute).flatMap((entry) => filesUnder(join(relative, entry)));
}

describe('Dockerfile', () => {
  it('builds every stage on Node 24', () => {
    const stageNames = stages.map(({ name }) => name);
    for (const { image } of stages) {
      if (stageNames.includes(image)) continue;
      expect(image).toMatch(/^node:24(-[\w.-]+)?$/);
    }
  });

  it('installs everything and builds in a build stage', () => {
    const build = stages.find((stage) =>
      runCommands(stage).some((run) => /\bnpm run build\b/.test(run)),
    );
    expect(build).toBeDefined();
    expect(runCommands(build).some((run) => /\bnpm ci\b/.test(run))).toBe(true);
  });

  it('copies every folder that `npm run build` compiles into the build stage', () => {
    const { scripts } = JSON.parse(readRepoFile('package.json')) as {
      scripts: Record<string, string>;
    };
    const [, ...words] = scripts.build!.split(/\s+/);
    const compiled = words.slice(
      0,
      words.findIndex((word) => word.startsWith('-')),
    );
    const build = stages.find((stage) =>
      runCommands(stage).some((run) => /\bnpm run build\b/.test(run)),
    );
    const copied = copiesOf(build!).flatMap((copy) => argumentsOf(copy).slice(0, -1));
    expect(compiled.length).toBeGreaterThan(0);
    for (const folder of compiled) expect(copied).toContain(folder);
  });

  it('gives the running image production dependencies only', () => {
    const nodeModules = copiesOf(runtime).filter((copy) =>
      argumentsOf(copy).some((argument) => argument.endsWith('node_modules')),
    );
    expect(nodeModules).toHaveLength(1);
    const from = nodeModules[0]!.getFromFlag()?.getValue();
    const source = stages.find(({ name }) => name === from);
    expect(source).toBeDefined();
    expect(runCommands(source).some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(runCommands(runtime).filter((run) => /\bnpm (ci|install|i)\b/.test(run))).toEqual([]);
  });

  it('runs the app as a user other than root', () => {
    const users = instructionsOf(runtime, 'USER').map((user) => argumentsOf(user)[0]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('declares a health check that asks the app whether it is ready', () => {
    expect(finalStageHasHealthcheck(stages)).toBe(true);
    const healthcheck = instructionsOf(runtime, 'HEALTHCHECK').at(-1)!;
    expect(argumentsOf(healthcheck).join(' ')).toContain('/health/ready');
    expect(argumentsOf(healthcheck).join(' ')).not.toMatch(/\bcurl\b/);
  });

  it('starts the app chosen by the APP build argument', () => {
    expect(instructionsOf(runtime, 'ARG').map((arg) => argumentsOf(arg)[0])).toContain('APP');
    const env = instructionsOf(runtime, 'ENV').flatMap(argumentsOf);
    expect(env).toContain('APP=${APP}');
    const cmd = instructionsOf(runtime, 'CMD').at(-1);
    expect(cmd && argumentsOf(cmd).join(' ')).toMatch(
      /\bexec node (--\S+ )*dist\/apps\/\$\{?APP\}?\/src\/main\.js\b/,
    );
  });

  it('starts node with the same flags as the local stack, tracing bootstrap included', () => {
    const cmd = argumentsOf(instructionsOf(runtime, 'CMD').at(-1)!).join(' ');
    const flags = cmd
      .match(/\bexec node ((?:--\S+ )*)/)?.[1]
      ?.trim()
      .split(' ');
    expect(flags).toEqual(APP_NODE_OPTIONS);
    const bootstrap = APP_NODE_OPTIONS.find((flag) => flag.startsWith('--import='));
    const compiledFrom = bootstrap?.replace(/^--import=\.\/dist\//, '').replace(/\.js$/, '.ts');
    expect(compiledFrom && existsSync(repoPath(compiledFrom))).toBe(true);
    expect(copiesOf(runtime).flatMap(argumentsOf)).toContain('./dist/libs');
  });

  it('copies from the build context only files that exist and .dockerignore lets through', () => {
    const sources = stages
      .flatMap(copiesOf)
      .filter((copy) => !copy.getFromFlag())
      .flatMap((copy) => argumentsOf(copy).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(repoPath(source)) }).toEqual({ source, exists: true });
      const built = filesUnder(source).filter((file) => !/\.(e2e-|int-)?spec\.ts$/.test(file));
      const ignored = built.filter((file) => !isInBuildContext(file));
      expect({ source, ignored }).toEqual({ source, ignored: [] });
    }
  });

  it('accepts as APP exactly the apps that exist, and builds each from its own main', () => {
    const appFolders = readdirSync(repoPath('apps')).filter((name) =>
      existsSync(repoPath(`apps/${name}/src/main.ts`)),
    );
    expect(appFolders.sort()).toEqual([...SERVICE_NAMES].sort());
    // The stage that reads APP refuses a name outside SERVICES, so no image of a missing app builds.
    const checksApp = stages.some(
      (stage) =>
        instructionsOf(stage, 'ARG').some((arg) => argumentsOf(arg)[0] === 'APP') &&
        runCommands(stage).some((run) => run.includes('SERVICES') && run.includes('APP')),
    );
    expect(checksApp).toBe(true);
  });

  it('keeps secrets and local state out of the build context', () => {
    for (const path of [
      '.env',
      '.git/config',
      'node_modules/zod/package.json',
      'dist/x.js',
      '.data/x',
    ]) {
      expect({ path, inContext: isInBuildContext(path) }).toEqual({ path, inContext: false });
    }
  });
});
