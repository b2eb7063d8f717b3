-- Version 3: everything a case goes through after intake, the documents its acts issue, and first
-- inquiries. A case's progress (steps, special procedures, extensions, joint parts, report, decision,
-- delivery) is JSON beside the columns that are queried; joint_due is the earliest deadline of its
-- pending joint parts, so the timeout timer finds its cases by index.
ALTER TABLE service_case ADD COLUMN progress_json VARCHAR(32672)
;
ALTER TABLE service_case ADD COLUMN joint_due DATE
;
CREATE INDEX service_case_joint_due ON service_case (center_id, joint_due)
;
ALTER TABLE case_event ADD COLUMN data_json VARCHAR(4000)
;
CREATE TABLE case_document (
  center_id VARCHAR(40) NOT NULL,
  number VARCHAR(60) NOT NULL,
  case_number VARCHAR(40) NOT NULL,
  kind VARCHAR(30) NOT NULL,
  issued_on DATE NOT NULL,
  digest CHAR(64) NOT NULL,
  document_json VARCHAR(32672) NOT NULL,
  PRIMARY KEY (center_id, number),
  FOREIGN KEY (center_id, case_number) REFERENCES service_case (center_id, number)
)
;
CREATE INDEX case_document_case ON case_document (center_id, case_number)
;
CREATE TABLE inquiry_sequence (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  day DATE NOT NULL,
  last_value INT NOT NULL,
  PRIMARY KEY (center_id, day)
)
;
CREATE TABLE inquiry (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  id VARCHAR(40) NOT NULL,
  subject VARCHAR(1000) NOT NULL,
  inquirer VARCHAR(100) NOT NULL,
  phone VARCHAR(40),
  item_code VARCHAR(60),
  first_clerk VARCHAR(100) NOT NULL,
  owner VARCHAR(100) NOT NULL,
  window_code VARCHAR(40),
  state VARCHAR(20) NOT NULL,
  case_number VARCHAR(40),
  opened_at TIMESTAMP NOT NULL,
  steps INT NOT NULL,
  PRIMARY KEY (center_id, id)
)
;
CREATE INDEX inquiry_owner ON inquiry (center_id, owner, state)
;
CREATE TABLE inquiry_step (
  center_id VARCHAR(40) NOT NULL,
  inquiry_id VARCHAR(40) NOT NULL,
  sequence INT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  recorded_at TIMESTAMP NOT NULL,
  actor VARCHAR(100) NOT NULL,
  owner VARCHAR(100) NOT NULL,
  window_code VARCHAR(40),
  note VARCHAR(2000),
  PRIMARY KEY (center_id, inquiry_id, sequence),
  FOREIGN KEY (center_id, inquiry_id) REFERENCES inquiry (center_id, id)
)
;
