import { redisServerBinaryName } from './redis-server-artifact.js';

describe('redisServerBinaryName', () => {
  it.each([
    ['linux', 'x64', 'redis-server-6.2.6-v5-linux-amd64'],
    ['linux', 'arm64', 'redis-server-6.2.7-linux-arm64'],
    ['darwin', 'arm64', 'redis-server-6.2.6-v5-darwin-arm64'],
  ])('finds the build for %s %s', (platform, arch, binary) => {
    expect(redisServerBinaryName(platform, arch)).toBe(binary);
  });

  it('tells the user to name a Redis on a platform the jar does not cover', () => {
    expect(() => redisServerBinaryName('win32', 'x64')).toThrow(/set REDIS_URL=redis:\/\//);
  });
});
