/**
 * Real `redis-server` builds for the platforms developers use, as published on Maven Central inside
 * the `embedded-redis` jar (Apache-2.0; Redis 6.2 is BSD-3-Clause). Maven is what fetches the
 * local Kafka broker already, so a fresh machine needs nothing new to get a Redis too
 * (docs/adr/0011-rate-limit-store-redis.md).
 */
export const EMBEDDED_REDIS_ARTIFACT = 'com.github.codemonstur:embedded-redis:1.4.3';

const BINARIES: Record<string, string> = {
  'linux-x64': 'redis-server-6.2.6-v5-linux-amd64',
  'linux-arm64': 'redis-server-6.2.7-linux-arm64',
  'darwin-x64': 'redis-server-6.2.6-v5-darwin-amd64',
  'darwin-arm64': 'redis-server-6.2.6-v5-darwin-arm64',
};

/** The file name of the binary for this platform inside the jar; throws on other platforms. */
export function redisServerBinaryName(
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  const binary = BINARIES[`${platform}-${arch}`];
  if (binary === undefined) {
    throw new Error(
      `No redis-server build for ${platform}-${arch} in ${EMBEDDED_REDIS_ARTIFACT}; set REDIS_URL=redis://host:port to use a running Redis.`,
    );
  }
  return binary;
}
