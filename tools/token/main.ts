import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '#libs/contracts';
import { ServiceTokenSigner } from '#libs/service-identity';
import { stackSettingsFrom } from '../stack/stack-settings.js';
import { localServiceKeys } from './local-service-keys.js';

/**
 * `npm run token -- <from> <to>` prints, alone on its last line, a service token for calls from
 * service `<from>` to service `<to>` in the local stack, signed with `<from>`'s key in
 * `.data/keys/` (created when missing). For curl experiments, demos and load tests:
 *
 *   curl -H "authorization: Bearer $(npm run -s token -- gateway product | tail -1)" \
 *     http://127.0.0.1:3001/products
 */
const [from, to] = process.argv.slice(2);
const isService = (name: string | undefined): name is ServiceName =>
  SERVICE_NAMES.includes(name as ServiceName);

if (!isService(from) || !isService(to)) {
  console.error(`usage: npm run token -- <from> <to>   (services: ${SERVICE_NAMES.join(', ')})`);
  process.exit(2);
}

const keys = localServiceKeys(join(stackSettingsFrom(process.env).dataDir, 'keys'));
const signer = new ServiceTokenSigner({ service: from, signingKey: keys[from] });
console.log(`service token ${from} → ${to}, valid for 60 s:`);
console.log(await signer.tokenFor(to));
