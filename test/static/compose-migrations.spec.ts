import { SERVICE_NAMES, SERVICES } from '#libs/contracts';
import { migrationEnvSchema } from '#libs/service-defaults';
import { APP_CONFIG_SCHEMAS, configProblems, unknownVariables } from './app-config-schemas.js';
import { argumentsOf, instructionsOf, readDockerfileStages } from './dockerfile-stages.js';
import {
  buildArg,
  type ComposeService,
  dependenciesOf,
  environmentOf,
  readComposeFile,
  readRepoFile,
} from './static-files.js';

/**
 * The one-shot migrate jobs of docker-compose.yml (docs/deployment.md): every app with a database
 * gets `<app>-migrate`, which runs that app's own `main.js migrate` from the app's own image with
 * only its DATABASE_URL, and the app starts only once the job has completed.
 */
const services = readComposeFile().services;
const appsWithDatabase = SERVICE_NAMES.filter((name) => SERVICES[name].ownsDatabase);
const jobName = (app: string) => `${app}-migrate`;

const serviceNamed = (name: string): ComposeService => {
  const service = services[name];
  if (!service) throw new Error(`docker-compose.yml has no service "${name}"`);
  return service;
};

/** The file the image runs for an app, read from the Dockerfile's CMD (`dist/apps/$APP/...`). */
function imageMainFor(app: string): string {
  const cmd = argumentsOf(instructionsOf(readDockerfileStages().at(-1)!, 'CMD').at(-1)!).join(' ');
  const main = /\bdist\/apps\/\$\{?APP\}?\/src\/main\.js\b/.exec(cmd)?.[0];
  if (!main) throw new Error('the Dockerfile CMD runs no dist/apps/$APP/src/main.js');
  return main.replace(/\$\{?APP\}?/, app);
}

describe('docker-compose.yml migrate jobs', () => {
  it('has a migrate job for every app with a database, and for no other service', () => {
    const jobs = Object.keys(services).filter((name) => name.endsWith('-migrate'));
    expect(jobs.sort()).toEqual(appsWithDatabase.map(jobName).sort());
  });

  it.each(appsWithDatabase)('runs the migrate job of %s from the image of the app', (app) => {
    const job = serviceNamed(jobName(app));
    expect(job.image).toBe(serviceNamed(app).image);
    expect(buildArg(job, 'APP')).toBe(app);
    expect(buildArg(job, 'APP')).toBe(buildArg(serviceNamed(app), 'APP'));
  });

  it.each(appsWithDatabase)(
    'runs `main.js migrate` of %s, the file the image starts the app from',
    (app) => {
      expect(serviceNamed(jobName(app)).command).toEqual(['node', imageMainFor(app), 'migrate']);
    },
  );

  it.each(appsWithDatabase)('makes main.ts of %s hand the `migrate` argument over', (app) => {
    const main = readRepoFile(`apps/${app}/src/main.ts`);
    expect(main).toMatch(/process\.argv\[2\] === 'migrate'\) await migrateService\(\w+\)/);
  });

  it.each(appsWithDatabase)(
    'gives the migrate job of %s only what the app schema asks of it: its DATABASE_URL',
    (app) => {
      const env = environmentOf(serviceNamed(jobName(app)));
      const schema = migrationEnvSchema(APP_CONFIG_SCHEMAS[app]);
      expect(configProblems(schema, env)).toEqual([]);
      expect(unknownVariables(schema, env)).toEqual([]);
      expect(env.DATABASE_URL).toBe(environmentOf(serviceNamed(app)).DATABASE_URL);
    },
  );

  it.each(appsWithDatabase)(
    'runs the migrate job of %s once, in the core, after PostgreSQL is healthy',
    (app) => {
      const job = serviceNamed(jobName(app));
      expect(job.restart).toBe('no');
      expect(job.profiles ?? []).toEqual([]);
      expect(dependenciesOf(job)).toEqual({ postgres: 'service_healthy' });
    },
  );

  it.each(appsWithDatabase)('starts %s only once its migrate job has completed', (app) => {
    expect(dependenciesOf(serviceNamed(app))[jobName(app)]).toBe('service_completed_successfully');
  });
});
