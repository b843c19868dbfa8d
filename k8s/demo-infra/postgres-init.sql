-- One database and one login role per service that owns data (`ownsDatabase` in
-- libs/contracts/src/services.ts), so no service can read another's tables.
--
-- The postgres image runs /docker-entrypoint-initdb.d only when its data volume is empty: after
-- changing this file, recreate the volume (`docker compose down --volumes`) for it to take effect.
--
-- DEV-ONLY PASSWORDS. They are repeated in docker-compose.yml and k8s/overlays/local; anything
-- reachable from outside a laptop must take its credentials from a secret store instead.

-- Every new database grants CONNECT to PUBLIC by default; take it away everywhere so that each role
-- reaches only the database it owns (an owner keeps CONNECT through ownership).
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;

CREATE ROLE product LOGIN PASSWORD 'product-dev-password';
CREATE DATABASE product OWNER product;
REVOKE CONNECT, TEMPORARY ON DATABASE product FROM PUBLIC;

-- ORDER is a reserved word, hence the quotes.
CREATE ROLE "order" LOGIN PASSWORD 'order-dev-password';
CREATE DATABASE "order" OWNER "order";
REVOKE CONNECT, TEMPORARY ON DATABASE "order" FROM PUBLIC;

CREATE ROLE promotion LOGIN PASSWORD 'promotion-dev-password';
CREATE DATABASE promotion OWNER promotion;
REVOKE CONNECT, TEMPORARY ON DATABASE promotion FROM PUBLIC;

CREATE ROLE recommendation LOGIN PASSWORD 'recommendation-dev-password';
CREATE DATABASE recommendation OWNER recommendation;
REVOKE CONNECT, TEMPORARY ON DATABASE recommendation FROM PUBLIC;
