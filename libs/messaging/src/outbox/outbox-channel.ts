/**
 * The PostgreSQL NOTIFY channel an outbox write signals on. Notifications are delivered only when
 * the writing transaction commits, which is exactly when the relay should wake.
 */
export const OUTBOX_CHANNEL = 'outbox_messages';
