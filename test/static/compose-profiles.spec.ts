import { SERVICE_NAMES, SERVICES } from '#libs/contracts';
import { APP_CONFIG_SCHEMAS } from './app-config-schemas.js';
import { argumentsOf, instructionsOf, readDockerfileStages } from './dockerfile-stages.js';
import {
  type ComposeService,
  dependenciesOf,
  environmentOf,
  readComposeFile,
  readRepoFile,
} from './static-files.js';

/**
 * docker-compose.yml beyond the core: the profiles the issue asks for, the load generator, and the
 * demo settings every app gets (see compose.spec.ts for the core itself).
 */
const services = readComposeFile().services;
const profileOf = (name: string) => services[name]?.profiles ?? [];
const buildTarget = (service: ComposeService | undefined) =>
  typeof service?.build === 'object' ? (service.build as { target?: string }).target : undefined;

describe('docker-compose.yml profiles', () => {
  it.each(['observability', 'elk', 'loadtest'])('offers the profile %s', (profile) => {
    const members = Object.keys(services).filter((name) => profileOf(name).includes(profile));
    expect(members.length).toBeGreaterThan(0);
  });

  describe('the load generator', () => {
    const loadtest = services.loadtest;

    it('runs only in the loadtest profile, once', () => {
      expect(profileOf('loadtest')).toEqual(['loadtest']);
      expect(loadtest?.restart).toBe('no');
    });

    it('is built from a stage of the Dockerfile that runs `npm run loadtest` as non-root', () => {
      const stage = readDockerfileStages().find(({ name }) => name === buildTarget(loadtest));
      expect(stage).toBeDefined();
      const entrypoint = instructionsOf(stage!, 'ENTRYPOINT').flatMap(argumentsOf).join(' ');
      expect(entrypoint).toMatch(/\bnpm\b.*\brun\b.*\bloadtest\b/);
      const user = instructionsOf(stage!, 'USER').map((instruction) => argumentsOf(instruction)[0]);
      expect(user.at(-1)).toBeDefined();
      expect(user.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    });

    it('runs a script that package.json defines', () => {
      const { scripts } = JSON.parse(readRepoFile('package.json')) as {
        scripts: Record<string, string>;
      };
      expect(scripts.loadtest).toBeDefined();
    });

    it('targets the gateway inside the compose network, once it is healthy', () => {
      const command = [loadtest?.command ?? []].flat();
      const baseUrl = command[command.indexOf('--base-url') + 1];
      expect(baseUrl).toBe(`http://gateway:${SERVICES.gateway.port}`);
      expect(dependenciesOf(loadtest!).gateway).toBe('service_healthy');
    });
  });

  it.each(SERVICE_NAMES)(
    'turns the fault switches of %s on where it has them: compose is a demo',
    (app) => {
      if (!('FAULT_INJECTION' in APP_CONFIG_SCHEMAS[app].shape)) return;
      expect(environmentOf(services[app]!).FAULT_INJECTION).toBe('on');
    },
  );

  it('points the apps that use Redis at the compose Redis, which they wait for', () => {
    const users = SERVICE_NAMES.filter((app) => 'REDIS_URL' in environmentOf(services[app]!));
    for (const app of users) {
      expect(new URL(environmentOf(services[app]!).REDIS_URL!).hostname).toBe('redis');
      expect(dependenciesOf(services[app]!).redis).toBe('service_healthy');
    }
    const schemasWithRedis = SERVICE_NAMES.filter(
      (app) => 'REDIS_URL' in APP_CONFIG_SCHEMAS[app].shape,
    );
    expect(users).toEqual(schemasWithRedis);
  });
});
