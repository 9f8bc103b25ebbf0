//! The parts of `rs.status()` a verdict needs, whatever form the shell printed.

use serde::Serialize;
use serde_json::{Map, Value};

use super::ejson;

/// One node's view of the replica set (or the server's refusal to give one: `ok` false
/// with `code` and `errmsg`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplStatus {
    pub ok: bool,
    pub code: Option<i64>,
    pub code_name: Option<String>,
    pub errmsg: Option<String>,
    /// The replica set's name (`rs0`).
    pub set: Option<String>,
    pub members: Vec<Member>,
}

/// One member as the answering node sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// `host:port` as configured in the replica set.
    pub name: String,
    pub state: Option<i64>,
    pub state_str: String,
    /// 1 up, 0 down; absent on some old versions for the answering member itself.
    pub health: Option<f64>,
    /// Last applied operation, in milliseconds since the epoch; 0 (1970) when unknown.
    pub optime_date: Option<i64>,
    pub last_heartbeat_message: String,
    pub info_message: String,
    /// This member is the node that answered.
    pub is_self: bool,
}

/// What a member is doing, for the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Primary,
    Secondary,
    Arbiter,
    /// Down, or the answering node cannot reach it (`(not reachable/healthy)`, health 0).
    Unreachable,
    /// RECOVERING, ROLLBACK, STARTUP, STARTUP2, UNKNOWN, REMOVED…: up but not replicating.
    Other(String),
}

impl ReplStatus {
    /// Reads a parsed `rs.status()` document; `None` when it is not an object.
    pub fn from_value(doc: &Value) -> Option<ReplStatus> {
        let doc = doc.as_object()?;
        let members = match doc.get("members") {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_object)
                .map(Member::from_map)
                .collect(),
            _ => Vec::new(),
        };
        Some(ReplStatus {
            ok: doc.get("ok").and_then(ejson::float) == Some(1.0),
            code: doc.get("code").and_then(ejson::int),
            code_name: string(doc, "codeName"),
            errmsg: string(doc, "errmsg"),
            set: string(doc, "set"),
            members,
        })
    }

    /// The member that answered.
    pub fn own(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.is_self)
    }

    pub fn primaries(&self) -> Vec<&Member> {
        self.members
            .iter()
            .filter(|m| m.role() == Role::Primary)
            .collect()
    }
}

impl Member {
    fn from_map(map: &Map<String, Value>) -> Member {
        let state = map.get("state").and_then(ejson::int);
        let state_str = string(map, "stateStr").unwrap_or_else(|| state_name(state).to_string());
        Member {
            name: string(map, "name").unwrap_or_else(|| "(unnamed)".to_string()),
            state,
            state_str,
            health: map.get("health").and_then(ejson::float),
            optime_date: map.get("optimeDate").and_then(ejson::date_millis),
            last_heartbeat_message: string(map, "lastHeartbeatMessage").unwrap_or_default(),
            info_message: string(map, "infoMessage").unwrap_or_default(),
            is_self: map.get("self").and_then(Value::as_bool).unwrap_or(false),
        }
    }

    /// The host part of `name`: `172.31.21.106` from `172.31.21.106:27017`, `::1` from
    /// `[::1]:27017`.
    pub fn host(&self) -> &str {
        host_of(&self.name)
    }

    pub fn role(&self) -> Role {
        if self.health == Some(0.0) && !self.is_self {
            return Role::Unreachable;
        }
        match self.state_str.to_ascii_uppercase().as_str() {
            "PRIMARY" => Role::Primary,
            "SECONDARY" => Role::Secondary,
            "ARBITER" => Role::Arbiter,
            "DOWN" | "(NOT REACHABLE/HEALTHY)" => Role::Unreachable,
            _ => Role::Other(self.state_str.clone()),
        }
    }

    /// The member's own explanation of its state, when it gave one.
    pub fn message(&self) -> Option<&str> {
        [&self.last_heartbeat_message, &self.info_message]
            .into_iter()
            .map(|m| m.trim())
            .find(|m| !m.is_empty())
    }

    /// The optime, unless it is the epoch that mongod reports for members it cannot see.
    pub fn known_optime(&self) -> Option<i64> {
        self.optime_date.filter(|&t| t > 0)
    }
}

/// The host part of a `host:port` member name.
pub fn host_of(name: &str) -> &str {
    if let Some(rest) = name.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match name.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            host
        }
        _ => name,
    }
}

/// `stateStr` for a numeric `state`, for output that only has the number.
fn state_name(state: Option<i64>) -> &'static str {
    match state {
        Some(0) => "STARTUP",
        Some(1) => "PRIMARY",
        Some(2) => "SECONDARY",
        Some(3) => "RECOVERING",
        Some(5) => "STARTUP2",
        Some(7) => "ARBITER",
        Some(8) => "DOWN",
        Some(9) => "ROLLBACK",
        Some(10) => "REMOVED",
        _ => "UNKNOWN",
    }
}

fn string(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn host_of_names() {
        assert_eq!(host_of("172.31.21.106:27017"), "172.31.21.106");
        assert_eq!(host_of("tvox1.example.com:27017"), "tvox1.example.com");
        assert_eq!(host_of("tvox1"), "tvox1");
        assert_eq!(host_of("[fe80::1]:27017"), "fe80::1");
        assert_eq!(host_of("fe80::1"), "fe80::1");
    }

    #[test]
    fn a_health_zero_member_is_unreachable_whatever_its_state() {
        let status = ReplStatus::from_value(&json!({"ok": 1, "members": [
            {"name": "a:27017", "health": 0, "state": 2, "stateStr": "SECONDARY"},
            {"name": "b:27017", "health": 1, "state": 3},
            {"name": "c:27017", "health": 1, "stateStr": "(not reachable/healthy)"},
        ]}))
        .unwrap();
        let roles: Vec<Role> = status.members.iter().map(Member::role).collect();
        assert_eq!(
            roles,
            [
                Role::Unreachable,
                Role::Other("RECOVERING".into()),
                Role::Unreachable
            ]
        );
    }

    #[test]
    fn the_epoch_optime_is_not_known() {
        let status = ReplStatus::from_value(&json!({"ok": 1, "members": [
            {"name": "a:27017", "optimeDate": {"$date": "1970-01-01T00:00:00Z"}},
        ]}))
        .unwrap();
        assert_eq!(status.members[0].optime_date, Some(0));
        assert_eq!(status.members[0].known_optime(), None);
    }

    #[test]
    fn not_an_object_is_not_a_status() {
        assert_eq!(ReplStatus::from_value(&json!([1, 2])), None);
    }
}
