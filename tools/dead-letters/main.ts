import { createKafka } from '#libs/messaging';
import { readDeadLetters } from './read-dead-letters.js';
import { replayDeadLetter } from './replay-dead-letter.js';

/**
 * `npm run dead-letters -- list` shows what consumers could not handle and why;
 * `npm run dead-letters -- replay <partition>:<offset>` sends one back to its original topic once
 * the cause is fixed. Talks to KAFKA_BROKERS (default: the local stack's broker).
 */
const [command, target] = process.argv.slice(2);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = createKafka({ clientId: 'dead-letters-cli', brokers });

const header = (value: Buffer | string | (Buffer | string)[] | undefined) =>
  value === undefined ? '' : value.toString();

if (command === 'list') {
  const letters = await readDeadLetters(kafka);
  for (const { partition, offset, message } of letters) {
    const h = message.headers ?? {};
    console.log(
      [
        `${partition}:${offset}`,
        header(h['dlq-failed-at']),
        `from ${header(h['dlq-original-topic'])}[${header(h['dlq-original-partition'])}]@${header(h['dlq-original-offset'])}`,
        `group ${header(h['dlq-consumer-group'])}`,
        `type ${header(h['event-type']) || '?'}`,
        `attempts ${header(h['dlq-attempts'])}`,
        `reason: ${header(h['dlq-reason'])}`,
      ].join('  '),
    );
  }
  console.log(`${letters.length} dead letter(s)`);
} else if (command === 'replay' && target && /^\d+:\d+$/.test(target)) {
  const [partition, offset] = target.split(':');
  const letter = (await readDeadLetters(kafka)).find(
    (l) => String(l.partition) === partition && l.offset === offset,
  );
  if (!letter) {
    console.error(`no dead letter at ${target}`);
    process.exit(1);
  }
  const topic = await replayDeadLetter(kafka, letter);
  console.log(`replayed ${target} to ${topic}`);
} else {
  console.error('usage: npm run dead-letters -- list | replay <partition>:<offset>');
  process.exit(2);
}
