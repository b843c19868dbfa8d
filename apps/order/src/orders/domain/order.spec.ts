import { DomainError } from '#libs/domain-errors';
import { InvalidOrder } from './invalid-order.error.js';
import { Order, type OrderDraft } from './order.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** A two-line order with a line discount and a coupon, in euros; override what a test is about. */
function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    id: '5b1f0e8e-8f5c-4a43-9d0e-6f1a3c1e2b01',
    customerId: 'alice',
    couponCode: 'WELCOME10',
    lines: [
      { productId: 'a0000000-0000-4000-8000-000000000001', quantity: 2, unitPrice: eur(1_250) },
      { productId: 'a0000000-0000-4000-8000-000000000002', quantity: 1, unitPrice: eur(999) },
    ],
    discounts: [
      {
        description: '10% off shoes',
        amount: eur(250),
        promotionId: 'b0000000-0000-4000-8000-000000000001',
        productId: 'a0000000-0000-4000-8000-000000000001',
      },
      { description: 'Coupon WELCOME10', amount: eur(300), promotionId: null, productId: null },
    ],
    ...overrides,
  };
}

describe('Order', () => {
  describe('placing', () => {
    it('starts PENDING with line totals, subtotal, discounts and total that add up', () => {
      const order = Order.place(draft()).toSnapshot();

      expect(order.status).toBe('PENDING');
      expect(order.lines.map((line) => line.total)).toEqual([eur(2_500), eur(999)]);
      expect(order.subtotal).toEqual(eur(3_499));
      expect(order.discountTotal).toEqual(eur(550));
      expect(order.total).toEqual(eur(2_949));
      expect(order.cancellationReason).toBeNull();
    });

    it('costs the subtotal when nothing is discounted', () => {
      const order = Order.place(draft({ discounts: [], couponCode: null })).toSnapshot();
      expect(order.discountTotal).toEqual(eur(0));
      expect(order.total).toEqual(order.subtotal);
    });

    it('refuses an order without lines', () => {
      expect(() => Order.place(draft({ lines: [] }))).toThrow(InvalidOrder);
    });

    it('refuses a product on two lines', () => {
      const [line] = draft().lines;
      expect(() => Order.place(draft({ lines: [line!, line!] }))).toThrow(/one line only/);
    });

    it('refuses prices in more than one currency', () => {
      const lines = draft().lines.map((line, index) =>
        index === 1 ? { ...line, unitPrice: { amount: 999, currency: 'USD' } } : line,
      );
      expect(() => Order.place(draft({ lines }))).toThrow(/one currency: EUR, not USD/);
    });

    it('refuses a discount in another currency', () => {
      const discounts = [
        {
          description: 'x',
          amount: { amount: 1, currency: 'USD' },
          promotionId: null,
          productId: null,
        },
      ];
      expect(() => Order.place(draft({ discounts }))).toThrow(InvalidOrder);
    });

    it('refuses discounts above the subtotal, so a total is never negative', () => {
      const discounts = [
        { description: 'too kind', amount: eur(3_500), promotionId: null, productId: null },
      ];
      expect(() => Order.place(draft({ discounts }))).toThrow(/exceed the subtotal/);
    });
  });

  describe('status', () => {
    it('confirms a pending order', () => {
      const order = Order.place(draft());
      order.confirm();
      expect(order.status).toBe('CONFIRMED');
    });

    it('cancels a pending order with a machine-readable reason', () => {
      const order = Order.place(draft());
      order.cancel('ORDER.OUT_OF_STOCK');
      expect(order.toSnapshot()).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'ORDER.OUT_OF_STOCK',
      });
    });

    it('cannot confirm a cancelled order', () => {
      const order = Order.place(draft());
      order.cancel('ORDER.OUT_OF_STOCK');
      expect(() => order.confirm()).toThrow(
        expect.objectContaining({ code: 'ORDER.STATUS_CONFLICT', kind: 'conflict' }),
      );
      expect(order.status).toBe('CANCELLED');
    });

    it('cannot cancel a confirmed order', () => {
      const order = Order.place(draft());
      order.confirm();
      expect(() => order.cancel('ORDER.OUT_OF_STOCK')).toThrow(DomainError);
    });

    it('cannot confirm an order whose compensation failed', () => {
      const order = Order.place(draft());
      order.failCompensation('ORDER.DEPENDENCY_UNAVAILABLE');
      expect(() => order.confirm()).toThrow(DomainError);
    });

    it('cancels an order whose compensation failed once it is given back after all', () => {
      const order = Order.place(draft());
      order.failCompensation('ORDER.DEPENDENCY_UNAVAILABLE');
      order.cancel('ORDER.DEPENDENCY_UNAVAILABLE');
      expect(order.toSnapshot()).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'ORDER.DEPENDENCY_UNAVAILABLE',
      });
    });

    it('keeps its status and figures when restored from a snapshot', () => {
      const placed = Order.place(draft());
      placed.confirm();
      expect(Order.restore(placed.toSnapshot()).toSnapshot()).toEqual(placed.toSnapshot());
    });
  });
});
