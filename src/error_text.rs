//! An error that ended a command, as the person at the terminal reads it: each cause in
//! the chosen language where tvdr wrote it (transport errors, inventory and runbook
//! validation), the rest as raised. Everything else that keeps an error (the journal,
//! JSON) keeps its English `Display`.

use crate::inventory::InventoryError;
use crate::runbook::receipt::ReceiptError;
use crate::runbook::Invalid;
use crate::transport::TransportError;
use crate::yaml::YamlError;

/// `cause: cause: …` as anyhow's `{:#}` writes it, each cause in the chosen language.
/// A cause that the one above it already ends with (an error whose text names its
/// source, `…: No such file or directory`) is said once.
pub fn shown(err: &anyhow::Error) -> String {
    let mut causes: Vec<String> = Vec::new();
    for next in err.chain() {
        let said = cause(next);
        if !causes.last().is_some_and(|above| above.ends_with(&said)) {
            causes.push(said);
        }
    }
    causes.join(": ")
}

fn cause(cause: &(dyn std::error::Error + 'static)) -> String {
    if let Some(e) = cause.downcast_ref::<TransportError>() {
        return e.msg().shown().to_string();
    }
    if let Some(e) = cause.downcast_ref::<YamlError>() {
        return e.shown();
    }
    match cause.downcast_ref::<InventoryError>() {
        Some(InventoryError::Invalid(e)) => return e.shown(),
        Some(InventoryError::Read { path, source }) => {
            let path = path.display().to_string();
            return format!("{}: {source}", crate::t!("inv-unreadable", path = path));
        }
        Some(InventoryError::NotFound) => return crate::t!("inv-not-found"),
        None => {}
    }
    if let Some(e) = cause.downcast_ref::<Invalid>() {
        return e.shown();
    }
    if let Some(e) = cause.downcast_ref::<ReceiptError>() {
        return e.msg().shown().to_string();
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_until_a_language_is_chosen_and_as_anyhow_writes_it() {
        let err = anyhow::Error::new(TransportError::UnknownNode {
            node: "tvox9".into(),
        })
        .context("cannot run the check");
        assert_eq!(shown(&err), format!("{err:#}"));
        assert_eq!(shown(&err), "cannot run the check: no node named `tvox9`");
    }

    #[test]
    fn an_unreadable_inventory_says_the_system_s_reason_once() {
        let err = anyhow::Error::new(InventoryError::Read {
            path: "nope.yaml".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
        let said = shown(&err);
        assert_eq!(said.matches("entity not found").count(), 1, "{said}");
        assert!(
            said.starts_with("cannot read inventory `nope.yaml`: "),
            "{said}"
        );
        // Two causes saying different things are both said.
        let err = anyhow::Error::new(std::io::Error::other("disk gone")).context("cannot save");
        assert_eq!(shown(&err), "cannot save: disk gone");
    }

    #[test]
    fn a_transport_error_has_italian_words() {
        let err = TransportError::Unreachable {
            node: "tvox2".into(),
            address: "10.0.0.2".into(),
            port: 22,
            reason: "connection refused".into(),
        };
        let it = err.msg().in_lang(crate::i18n::Lang::It).to_string();
        assert!(
            it.starts_with(
                "impossibile raggiungere `tvox2` su 10.0.0.2 porta 22: connection refused"
            ),
            "{it}"
        );
        assert!(it.contains("\nsuggerimento: il nodo è acceso"), "{it}");
        assert_eq!(
            err.to_string(),
            "cannot reach `tvox2` at 10.0.0.2 port 22: connection refused\n\
             hint: is the node up, and is its SSH port reachable from here?"
        );
    }

    /// tvdr's own words inside a transport error (why a node was lost, where an I/O error
    /// happened) are Italian too; what the system said stays as it said it.
    #[test]
    fn a_transport_reason_and_context_have_italian_words() {
        let lost = TransportError::Lost {
            node: "tvox1".into(),
            reason: crate::msg!("transport-reason-keeper-gone"),
        };
        assert!(lost.to_string().contains("its keeper went away"), "{lost}");
        let it = lost.msg().in_lang(crate::i18n::Lang::It).to_string();
        assert!(
            it.contains("il processo che la teneva aperta non c'è più"),
            "{it}"
        );
        let io = TransportError::io(
            "tvox1",
            crate::msg!("transport-context-cannot-pass-on-the-output"),
            std::io::Error::other("broken pipe"),
        );
        assert!(
            io.to_string().starts_with("cannot pass on the output"),
            "{io}"
        );
        let it = io.msg().in_lang(crate::i18n::Lang::It).to_string();
        assert!(it.starts_with("impossibile passare l'output"), "{it}");
    }
}
