import { consumerLag } from './consumer-lag.js';

describe('consumerLag', () => {
  it('counts the messages between the committed offset and the end of each partition', () => {
    const ends = [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '0', high: '4' },
    ];
    const committed = [
      { partition: 0, offset: '7' },
      { partition: 1, offset: '4' },
    ];
    expect(consumerLag(ends, committed)).toEqual([
      { partition: 0, lag: 3 },
      { partition: 1, lag: 0 },
    ]);
  });

  it('counts everything still on the partition when the group has committed nothing', () => {
    const ends = [{ partition: 0, low: '5', high: '12' }];
    expect(consumerLag(ends, [{ partition: 0, offset: '-1' }])).toEqual([{ partition: 0, lag: 7 }]);
    expect(consumerLag(ends, [])).toEqual([{ partition: 0, lag: 7 }]);
  });

  it('never reports a negative lag, even when offsets are read at different moments', () => {
    const ends = [{ partition: 0, low: '0', high: '3' }];
    expect(consumerLag(ends, [{ partition: 0, offset: '5' }])).toEqual([{ partition: 0, lag: 0 }]);
  });
});
