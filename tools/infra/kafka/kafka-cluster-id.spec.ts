import { newKafkaClusterId } from './kafka-cluster-id.js';

describe('newKafkaClusterId', () => {
  it('makes 22-character URL-safe base64 ids that never start with a dash, each one new', () => {
    const ids = Array.from({ length: 500 }, () => newKafkaClusterId());

    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
