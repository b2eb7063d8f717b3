-- Version 4: the departments taking part in a joint case (联办件), one row each, so that a department
-- finds the joint cases it must answer among its own.
CREATE TABLE case_part (
  center_id VARCHAR(40) NOT NULL,
  number VARCHAR(40) NOT NULL,
  department_id VARCHAR(40) NOT NULL,
  PRIMARY KEY (center_id, number, department_id),
  FOREIGN KEY (center_id, number) REFERENCES service_case (center_id, number)
)
;
CREATE INDEX case_part_department ON case_part (center_id, department_id)
;
