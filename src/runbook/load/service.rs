//! The `service:` markers: `outage` only on a step that takes time and never inside a
//! `down` … `up` window, where the report already counts it (it would be counted twice).

use super::Validator;
use crate::msg;
use crate::runbook::raw::{RawKind, RawService, RawStep};

impl Validator<'_> {
    /// Walks `steps` in order; `open` is the `service: down` step whose window is open
    /// when they begin, and when they end.
    pub(super) fn outages(&mut self, steps: &[RawStep], open: &mut Option<String>) {
        for step in steps {
            let Some(service) = &step.service else {
                continue;
            };
            match service.value {
                RawService::Down => *open = Some(step.id.value.clone()),
                RawService::Up => *open = None,
                RawService::Outage => {
                    if matches!(
                        step.kind.value,
                        RawKind::Note | RawKind::Check | RawKind::Uat
                    ) {
                        self.error(
                            &service.referenced,
                            msg!("load-outage-kind", kind = super::kind_name(step)),
                        );
                    }
                    if let Some(down) = open {
                        self.error(
                            &service.referenced,
                            msg!(
                                "load-outage-inside",
                                step = step.id.value.as_str(),
                                down = down.as_str()
                            ),
                        );
                    }
                }
            }
        }
    }
}
