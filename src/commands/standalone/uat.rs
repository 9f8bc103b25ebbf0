//! `tvdr uat PHASE`: the `uat` step kind; walks are kept in the site's state directory.

use std::path::Path;

use anyhow::Result;

use super::{finish, operator, step, Site};
use crate::cli::UatArgs;
use crate::runbook::engine::human::{AnswersFile, Human};
use crate::runbook::engine::kinds::{memo, uat as uat_kind};
use crate::runbook::model::Kind;

pub fn uat(inventory: Option<&Path>, state_dir: Option<&Path>, args: &UatArgs) -> Result<i32> {
    let site = Site::open(inventory, state_dir)?;
    let checklist = uat_kind::load_checklist(
        args.checklist
            .as_deref()
            .map(|p| p.to_str().unwrap_or_default()),
    )?;
    let file = match &args.answers {
        Some(path) => AnswersFile::load(path)?,
        None => AnswersFile::default(),
    };
    let id = memo::safe(&format!("uat-{}", args.phase));
    let kind = Kind::Uat {
        phase: args.phase.clone(),
    };
    let step = step(&id, format!("UAT {}", args.phase), kind);
    let human = Human::new(operator(args.operator.as_deref()), args.yes, file);
    let result = uat_kind::run(
        &site.cx(&step, &human, "uat", false),
        &args.phase,
        &checklist,
    )?;
    Ok(finish(&result))
}
