import { hashPassword, passwordMatches } from './password-hash.js';

describe('password hashes', () => {
  it('match the password they were made from', async () => {
    const stored = await hashPassword('correct horse battery staple');
    await expect(passwordMatches('correct horse battery staple', stored)).resolves.toBe(true);
  });

  it('do not match any other password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    await expect(passwordMatches('correct horse battery stapler', stored)).resolves.toBe(false);
  });

  it('differ for the same password, thanks to the salt', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first.hash.equals(second.hash)).toBe(false);
  });
});
