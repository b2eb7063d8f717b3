-- Version 1: centers, departments, versioned items, center calendar days, cases and their timelines.
-- Nested parts of a record (an item's guide, a case's materials) are kept as JSON text beside the
-- columns that are queried.
CREATE TABLE center (
  id VARCHAR(40) NOT NULL PRIMARY KEY,
  region_code CHAR(6) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  center_level VARCHAR(16) NOT NULL,
  parent_id VARCHAR(40),
  address VARCHAR(400),
  office_hours VARCHAR(400)
)
;
CREATE TABLE department (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  id VARCHAR(40) NOT NULL,
  name VARCHAR(200) NOT NULL,
  credit_code CHAR(18),
  chief_representative VARCHAR(100),
  windows_json CLOB NOT NULL,
  PRIMARY KEY (center_id, id)
)
;
CREATE TABLE item_version (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  code VARCHAR(60) NOT NULL,
  version INT NOT NULL,
  effective_from DATE NOT NULL,
  name VARCHAR(300) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  department_id VARCHAR(40) NOT NULL,
  handling_type VARCHAR(20) NOT NULL,
  item_json CLOB NOT NULL,
  PRIMARY KEY (center_id, code, version)
)
;
CREATE TABLE center_day (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  day DATE NOT NULL,
  working SMALLINT NOT NULL,
  reason VARCHAR(200),
  PRIMARY KEY (center_id, day)
)
;
CREATE TABLE case_sequence (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  day DATE NOT NULL,
  last_value INT NOT NULL,
  PRIMARY KEY (center_id, day)
)
;
CREATE TABLE service_case (
  center_id VARCHAR(40) NOT NULL REFERENCES center (id),
  number VARCHAR(40) NOT NULL,
  query_code VARCHAR(20) NOT NULL,
  item_code VARCHAR(60) NOT NULL,
  item_version INT NOT NULL,
  item_name VARCHAR(300) NOT NULL,
  department_id VARCHAR(40) NOT NULL,
  applicant_type VARCHAR(20) NOT NULL,
  applicant_name VARCHAR(200) NOT NULL,
  applicant_id VARCHAR(40) NOT NULL,
  applicant_phone VARCHAR(40),
  channel VARCHAR(20) NOT NULL,
  materials_json CLOB NOT NULL,
  state VARCHAR(20) NOT NULL,
  received_on DATE NOT NULL,
  accepted_on DATE,
  deadline DATE,
  concluded_on DATE,
  revision INT NOT NULL,
  PRIMARY KEY (center_id, number),
  FOREIGN KEY (center_id, item_code, item_version) REFERENCES item_version (center_id, code, version)
)
;
CREATE INDEX service_case_state ON service_case (center_id, state, received_on)
;
CREATE TABLE case_event (
  center_id VARCHAR(40) NOT NULL,
  number VARCHAR(40) NOT NULL,
  sequence INT NOT NULL,
  act VARCHAR(40) NOT NULL,
  on_day DATE NOT NULL,
  recorded_at TIMESTAMP NOT NULL,
  actor VARCHAR(100) NOT NULL,
  window_code VARCHAR(40),
  note VARCHAR(2000),
  PRIMARY KEY (center_id, number, sequence),
  FOREIGN KEY (center_id, number) REFERENCES service_case (center_id, number)
)
;
