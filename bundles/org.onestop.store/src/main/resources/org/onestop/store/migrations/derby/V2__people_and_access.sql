-- Version 2: people, their role grants, sessions, integration tokens and the security log.
-- Secrets are never stored: sessions and tokens keep only the SHA-256 of their secret (hex).
CREATE TABLE person (
  account VARCHAR(40) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  enabled SMALLINT NOT NULL,
  failed_attempts INT NOT NULL,
  locked_until TIMESTAMP,
  created_at TIMESTAMP NOT NULL
)
;
-- A grant not scoped to a department or seal stores '' there, not NULL: a unique key treats NULLs
-- as distinct, and the same grant must not be held twice.
CREATE TABLE role_grant (
  account VARCHAR(40) NOT NULL REFERENCES person (account),
  role VARCHAR(30) NOT NULL,
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  department_id VARCHAR(40) NOT NULL,
  seal_id VARCHAR(60) NOT NULL,
  PRIMARY KEY (account, role, center_id, department_id, seal_id)
)
;
CREATE INDEX role_grant_center ON role_grant (center_id, role)
;
CREATE TABLE access_session (
  secret_hash CHAR(64) NOT NULL PRIMARY KEY,
  account VARCHAR(40) NOT NULL REFERENCES person (account),
  csrf_token VARCHAR(60) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  last_seen TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  absolute_expiry TIMESTAMP NOT NULL
)
;
CREATE INDEX access_session_account ON access_session (account)
;
CREATE TABLE api_token (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  department_id VARCHAR(40),
  name VARCHAR(100) NOT NULL,
  secret_hash CHAR(64) NOT NULL UNIQUE,
  scope VARCHAR(1000) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  revoked_at TIMESTAMP
)
;
CREATE INDEX api_token_center ON api_token (center_id, created_at)
;
-- Append-only: the platform has no statement that updates or deletes a row here. No foreign key on
-- center_id, so that a refused act naming an unknown center is still recorded.
CREATE TABLE security_event (
  sequence BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 1, INCREMENT BY 1) PRIMARY KEY,
  occurred_at TIMESTAMP NOT NULL,
  center_id VARCHAR(40),
  actor VARCHAR(100) NOT NULL,
  kind VARCHAR(30) NOT NULL,
  subject VARCHAR(400),
  detail VARCHAR(1000),
  remote VARCHAR(100)
)
;
CREATE INDEX security_event_center ON security_event (center_id, sequence)
;
CREATE INDEX security_event_subject ON security_event (subject, sequence)
;
