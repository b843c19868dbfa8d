import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders and their lines. The figures of an order add up by construction (one currency per
 * order, line totals, total = subtotal − discounts), and the database refuses any row where they
 * do not, whatever the code does.
 */
export class CreateOrders1764100000000 implements MigrationInterface {
  name = 'CreateOrders1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    // `discounts` is the quote's breakdown, kept as it was granted (amounts in the order's
    // currency): an immutable receipt that is only ever read whole.
    await runner.query(`
      CREATE TABLE orders (
        id                    uuid        PRIMARY KEY,
        customer_id           text        NOT NULL CHECK (customer_id <> ''),
        idempotency_key       text        NOT NULL
                                          CHECK (char_length(idempotency_key) BETWEEN 1 AND 100),
        request_fingerprint   text        NOT NULL,
        status                text        NOT NULL CHECK (status IN
                                            ('PENDING', 'CONFIRMED', 'CANCELLED', 'COMPENSATION_FAILED')),
        currency              text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        subtotal_amount       bigint      NOT NULL CHECK (subtotal_amount >= 0),
        discount_total_amount bigint      NOT NULL CHECK (discount_total_amount >= 0),
        total_amount          bigint      NOT NULL,
        discounts             jsonb       NOT NULL CHECK (jsonb_typeof(discounts) = 'array'),
        coupon_code           text,
        cancellation_reason   text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_total_is_subtotal_minus_discounts
          CHECK (total_amount = subtotal_amount - discount_total_amount AND total_amount >= 0),
        -- A failed placement always says why; any other order never has a reason.
        CONSTRAINT orders_reason_only_when_failed
          CHECK ((status IN ('CANCELLED', 'COMPENSATION_FAILED')) = (cancellation_reason IS NOT NULL)),
        -- One order per placement attempt: a retried or racing request with the same key finds
        -- the first order instead of creating a second.
        CONSTRAINT orders_one_per_idempotency_key UNIQUE (customer_id, idempotency_key)
      )`);
    await runner.query(
      'CREATE INDEX orders_of_customer_newest_first ON orders (customer_id, created_at DESC, id DESC)',
    );

    // Lines are in the order's currency, so an order cannot mix currencies.
    await runner.query(`
      CREATE TABLE order_lines (
        order_id          uuid     NOT NULL REFERENCES orders (id),
        line_no           smallint NOT NULL CHECK (line_no >= 1),
        product_id        uuid     NOT NULL,
        quantity          integer  NOT NULL CHECK (quantity > 0),
        unit_price_amount bigint   NOT NULL CHECK (unit_price_amount >= 0),
        total_amount      bigint   NOT NULL,
        PRIMARY KEY (order_id, line_no),
        CONSTRAINT order_lines_one_per_product UNIQUE (order_id, product_id),
        CONSTRAINT order_lines_total_is_price_times_quantity
          CHECK (total_amount = unit_price_amount * quantity)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE order_lines');
    await runner.query('DROP TABLE orders');
  }
}
