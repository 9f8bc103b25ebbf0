-- The lab's DAViCal database: loaded by scripts/lab (`up --services pg`) as davical_dba into
-- davical_administrators on every node, so the nodes start identical. A trimmed DAViCal 1.1
-- schema (AWL `usr` + DAViCal tables) with sequences, foreign keys, an index, timestamptz
-- columns, PL/pgSQL, a view and a trigger; the same model as the calendars fixtures
-- (src/checks/calendars/fixtures/source), so lab dumps look like those.
CREATE TABLE usr (
  user_no SERIAL PRIMARY KEY,
  active BOOLEAN DEFAULT TRUE,
  email_ok TIMESTAMPTZ,
  joined TIMESTAMPTZ DEFAULT current_timestamp,
  updated TIMESTAMPTZ,
  last_used TIMESTAMPTZ,
  username TEXT NOT NULL UNIQUE,
  password TEXT,
  fullname TEXT,
  email TEXT,
  config_data TEXT,
  date_format_type TEXT DEFAULT 'E',
  locale TEXT
);

CREATE TABLE principal (
  principal_id SERIAL PRIMARY KEY,
  type_id INT8 NOT NULL DEFAULT 1,
  user_no INT8 NULL REFERENCES usr(user_no) ON DELETE CASCADE ON UPDATE CASCADE,
  displayname TEXT,
  default_privileges BIT(24)
);

CREATE TABLE collection (
  user_no INT REFERENCES usr(user_no) ON DELETE CASCADE ON UPDATE CASCADE,
  parent_container TEXT,
  dav_name TEXT,
  dav_etag TEXT,
  dav_displayname TEXT,
  is_calendar BOOLEAN,
  created TIMESTAMPTZ,
  modified TIMESTAMPTZ,
  public_events_only BOOLEAN NOT NULL DEFAULT FALSE,
  publicly_readable BOOLEAN NOT NULL DEFAULT FALSE,
  collection_id BIGSERIAL PRIMARY KEY,
  default_privileges BIT(24),
  is_addressbook BOOLEAN DEFAULT FALSE,
  resourcetypes TEXT DEFAULT '<DAV::collection/>',
  schedule_transp TEXT DEFAULT 'opaque',
  timezone TEXT,
  description TEXT DEFAULT '',
  UNIQUE(user_no, dav_name)
);

CREATE TABLE caldav_data (
  user_no INT NOT NULL REFERENCES usr(user_no) ON DELETE CASCADE ON UPDATE CASCADE,
  dav_name TEXT NOT NULL,
  dav_etag TEXT,
  created TIMESTAMPTZ,
  modified TIMESTAMPTZ,
  caldav_data TEXT,
  caldav_type TEXT,
  logged_user INT REFERENCES usr(user_no) ON UPDATE CASCADE ON DELETE SET DEFAULT,
  dav_id BIGSERIAL UNIQUE,
  collection_id INT8 REFERENCES collection(collection_id) ON DELETE CASCADE ON UPDATE CASCADE,
  weak_etag TEXT DEFAULT NULL,
  PRIMARY KEY (user_no, dav_name)
);

CREATE TABLE calendar_item (
  user_no INT NOT NULL REFERENCES usr(user_no) ON DELETE CASCADE ON UPDATE CASCADE,
  dav_name TEXT NOT NULL,
  dav_etag TEXT,
  uid TEXT,
  created TIMESTAMP,
  last_modified TIMESTAMP,
  dtstamp TIMESTAMP,
  dtstart TIMESTAMP WITH TIME ZONE,
  dtend TIMESTAMP WITH TIME ZONE,
  due TIMESTAMP WITH TIME ZONE,
  summary TEXT,
  location TEXT,
  description TEXT,
  priority INT,
  class TEXT,
  transp TEXT,
  rrule TEXT,
  url TEXT,
  percent_complete NUMERIC(7,2),
  tz_id TEXT,
  status TEXT,
  completed TIMESTAMP WITH TIME ZONE,
  dav_id INT8 UNIQUE,
  collection_id INT8 REFERENCES collection(collection_id) ON DELETE CASCADE ON UPDATE CASCADE,
  first_instance_start TIMESTAMP,
  last_instance_end TIMESTAMP,
  PRIMARY KEY (user_no, dav_name)
);

-- DAViCal keeps its logic in PL/pgSQL; bodies contain quotes, INSERTs and blank lines.
CREATE FUNCTION write_sync_change(INT8, INT, TEXT) RETURNS BOOLEAN AS $$
DECLARE
  in_collection_id ALIAS FOR $1;
  in_status ALIAS FOR $2;
  in_dav_name ALIAS FOR $3;
  tmp_int INT8;
BEGIN
  -- a comment with an apostrophe: don't confuse the lexer
  SELECT 1 INTO tmp_int FROM collection WHERE collection_id = in_collection_id;

INSERT INTO calendar_item (user_no, dav_name, summary) VALUES (0, in_dav_name, 'it''s a trap');
  RETURN FOUND;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION real_path_exists(TEXT) RETURNS BOOLEAN AS $body$
  SELECT EXISTS (SELECT 1 FROM collection WHERE dav_name = $1);
$body$ LANGUAGE sql STABLE STRICT;

CREATE VIEW dav_principal AS
  SELECT principal_id, usr.user_no, username, fullname AS displayname, email
    FROM usr JOIN principal USING (user_no);

CREATE FUNCTION sync_dav_id() RETURNS TRIGGER AS $$
BEGIN
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER caldav_data_sync_dav_id AFTER INSERT OR UPDATE ON caldav_data
    FOR EACH ROW EXECUTE PROCEDURE sync_dav_id();

COMMENT ON TABLE usr IS 'AWL users; DAViCal''s principals point here';

-- DAViCal indexes the foreign keys it joins on.
CREATE INDEX caldav_data_collection_id_fkey ON caldav_data (collection_id);
CREATE INDEX calendar_item_collection_id_fkey ON calendar_item (collection_id);

INSERT INTO usr (user_no, active, email_ok, joined, updated, last_used, username, password, fullname, email, config_data, date_format_type, locale) VALUES
 (1, true, NULL, '2013-05-21 10:12:00+02', '2019-02-01 09:00:00+01', '2024-05-06 08:30:12+02', 'admin', '**nimda', 'DAViCal Administrator', 'calendars@example.com', NULL, 'E', 'it_IT'),
 (1001, true, NULL, '2019-01-15 09:00:00+01', NULL, '2024-05-06 09:12:44+02', 'mrossi', '*Xy1*{SSHA}c2FsdGVkaGFzaA==', 'Mario Rossi', 'mario.rossi@example.com', NULL, 'E', 'it_IT'),
 (1002, true, NULL, '2019-01-15 09:00:00+01', NULL, NULL, 'lbianchi', '*Ab2*{SSHA}b3RoZXJoYXNo', 'Laura Bianchi', 'laura.bianchi@example.com', NULL, 'E', 'it_IT'),
 (1003, false, NULL, '2020-03-02 11:20:00+01', NULL, NULL, 'gverdi', NULL, 'Giuseppe "Peppe" Verdi', 'g.verdi@example.com', NULL, 'E', NULL);
SELECT setval('usr_user_no_seq', 1003);

INSERT INTO principal (principal_id, type_id, user_no, displayname, default_privileges) VALUES
 (1, 1, 1, 'DAViCal Administrator', B'000000000000000000000000'),
 (1001, 1, 1001, 'Mario Rossi', NULL),
 (1002, 1, 1002, 'Laura Bianchi', NULL),
 (1003, 1, 1003, 'Giuseppe "Peppe" Verdi', NULL);
SELECT setval('principal_principal_id_seq', 1003);

INSERT INTO collection (user_no, parent_container, dav_name, dav_etag, dav_displayname, is_calendar, created, modified, collection_id, resourcetypes, timezone, description) VALUES
 (1001, '/mrossi/', '/mrossi/calendar/', '-1', 'Mario Rossi calendar', true, '2019-01-15 09:00:00+01', '2024-05-06 09:12:44+02', 2001, '<DAV::collection/><urn:ietf:params:xml:ns:caldav:calendar/>', 'Europe/Rome', ''),
 (1001, '/mrossi/', '/mrossi/addresses/', '-1', 'Mario Rossi addressbook', false, '2019-01-15 09:00:00+01', '2019-01-15 09:00:00+01', 2002, '<DAV::collection/><urn:ietf:params:xml:ns:carddav:addressbook/>', NULL, ''),
 (1002, '/lbianchi/', '/lbianchi/calendar/', '-1', 'Calendario di Laura', true, '2019-01-15 09:00:00+01', '2024-04-30 17:01:02+02', 2003, '<DAV::collection/><urn:ietf:params:xml:ns:caldav:calendar/>', 'Europe/Rome', 'Turni	reperibilità');
SELECT setval('collection_collection_id_seq', 2003);

INSERT INTO caldav_data (user_no, dav_name, dav_etag, created, modified, caldav_data, caldav_type, logged_user, dav_id, collection_id) VALUES
 (1001, '/mrossi/calendar/a1b2c3.ics', 'f3e1a9c0b7d64e0c9b1a2f3e4d5c6b7a', '2024-04-02 10:00:00+02', '2024-04-02 10:00:00+02', E'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\nBEGIN:VEVENT\r\nUID:a1b2c3\r\nDTSTAMP:20240402T080000Z\r\nDTSTART;TZID=Europe/Rome:20240410T090000\r\nDTEND;TZID=Europe/Rome:20240410T100000\r\nSUMMARY:Riunione settimanale\r\nLOCATION:Sala \\, riunioni\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'VEVENT', 1001, 3001, 2001),
 (1001, '/mrossi/calendar/d4e5f6.ics', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', '2024-04-03 11:30:00+02', '2024-05-06 09:12:44+02', E'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:d4e5f6\r\nDTSTAMP:20240506T071244Z\r\nDTSTART;VALUE=DATE:20240415\r\nSUMMARY:Ferie\r\nDESCRIPTION:Primo giorno\\nsecondo rigo\r\nRRULE:FREQ=DAILY;COUNT=5\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'VEVENT', 1001, 3002, 2001),
 (1002, '/lbianchi/calendar/turno-2024-05.ics', '9f8e7d6c5b4a39281706f5e4d3c2b1a0', '2024-04-30 17:01:02+02', '2024-04-30 17:01:02+02', E'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:turno-2024-05\r\nDTSTAMP:20240430T150102Z\r\nSUMMARY:Reperibilità maggio\r\nDUE:20240531T180000Z\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n', 'VTODO', 1002, 3003, 2003),
 (1002, '/lbianchi/calendar/cena.ics', '1234567890abcdef1234567890abcdef', '2024-05-02 20:00:00+02', '2024-05-02 20:00:00+02', E'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:cena\r\nDTSTAMP:20240502T180000Z\r\nDTSTART:20240503T180000Z\r\nSUMMARY:Cena con l''ufficio\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'VEVENT', 1002, 3004, 2003);
SELECT setval('caldav_data_dav_id_seq', 3004);

INSERT INTO calendar_item (user_no, dav_name, dav_etag, uid, created, last_modified, dtstamp, dtstart, dtend, due, summary, location, description, priority, class, transp, rrule, url, percent_complete, tz_id, status, completed, dav_id, collection_id, first_instance_start, last_instance_end) VALUES
 (1001, '/mrossi/calendar/a1b2c3.ics', 'f3e1a9c0b7d64e0c9b1a2f3e4d5c6b7a', 'a1b2c3', '2024-04-02 08:00:00', '2024-04-02 08:00:00', '2024-04-02 08:00:00', '2024-04-10 09:00:00+02', '2024-04-10 10:00:00+02', NULL, 'Riunione settimanale', 'Sala , riunioni', NULL, NULL, 'PUBLIC', 'OPAQUE', NULL, NULL, NULL, 'Europe/Rome', 'CONFIRMED', NULL, 3001, 2001, '2024-04-10 07:00:00', '2024-04-10 08:00:00'),
 (1001, '/mrossi/calendar/d4e5f6.ics', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'd4e5f6', '2024-04-03 09:30:00', '2024-05-06 07:12:44', '2024-05-06 07:12:44', '2024-04-15 00:00:00+02', NULL, NULL, 'Ferie', NULL, E'Primo giorno\nsecondo rigo', NULL, 'PUBLIC', 'TRANSPARENT', 'FREQ=DAILY;COUNT=5', NULL, NULL, NULL, NULL, NULL, 3002, 2001, '2024-04-15 00:00:00', '2024-04-20 00:00:00'),
 (1002, '/lbianchi/calendar/turno-2024-05.ics', '9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'turno-2024-05', '2024-04-30 15:01:02', '2024-04-30 15:01:02', '2024-04-30 15:01:02', NULL, NULL, '2024-05-31 20:00:00+02', 'Reperibilità maggio', NULL, NULL, 5, 'PRIVATE', NULL, NULL, NULL, 0.00, NULL, 'NEEDS-ACTION', NULL, 3003, 2003, NULL, NULL),
 (1002, '/lbianchi/calendar/cena.ics', '1234567890abcdef1234567890abcdef', 'cena', '2024-05-02 18:00:00', '2024-05-02 18:00:00', '2024-05-02 18:00:00', '2024-05-03 20:00:00+02', NULL, NULL, 'Cena con l''ufficio', NULL, NULL, NULL, 'PUBLIC', 'OPAQUE', NULL, NULL, NULL, NULL, NULL, NULL, 3004, 2003, NULL, NULL);
