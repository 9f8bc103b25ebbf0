-- The lab's TVox MariaDB data: loaded by scripts/lab (`up --services mysql`) on the primary
-- (tvox1) only, with the binary log on; the replica (tvox2) gets it through replication, so a
-- lab starts with replication already carrying real statements.
CREATE DATABASE tvox CHARACTER SET utf8mb4;
USE tvox;

CREATE TABLE extensions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number VARCHAR(16) NOT NULL UNIQUE,
  name VARCHAR(80) NOT NULL,
  enabled TINYINT(1) NOT NULL DEFAULT 1,
  created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

CREATE TABLE calls (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started DATETIME NOT NULL,
  src VARCHAR(32) NOT NULL,
  dst VARCHAR(32) NOT NULL,
  extension_id INT UNSIGNED NULL,
  duration_s INT UNSIGNED NOT NULL DEFAULT 0,
  disposition ENUM('ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED') NOT NULL,
  KEY calls_started (started),
  CONSTRAINT calls_extension FOREIGN KEY (extension_id) REFERENCES extensions (id)
) ENGINE=InnoDB;

INSERT INTO extensions (id, number, name, created) VALUES
  (1, '200', 'Centralino', '2019-01-15 09:00:00'),
  (2, '201', 'Mario Rossi', '2019-01-15 09:00:00'),
  (3, '202', 'Laura Bianchi', '2019-01-15 09:05:00'),
  (4, '203', 'Giuseppe Verdi', '2020-03-02 11:20:00');

INSERT INTO calls (started, src, dst, extension_id, duration_s, disposition) VALUES
  ('2024-05-06 08:30:12', '+390212345678', '200', 1, 95, 'ANSWERED'),
  ('2024-05-06 09:12:44', '201', '+390698765432', 2, 312, 'ANSWERED'),
  ('2024-05-06 09:40:03', '+393331234567', '202', 3, 0, 'NO ANSWER'),
  ('2024-05-06 10:02:58', '203', '202', 4, 0, 'BUSY'),
  ('2024-05-06 11:15:20', '+390612341234', '201', 2, 48, 'ANSWERED');
