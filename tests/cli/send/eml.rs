//! `send --eml-dir` writes drafts for the user's own mail client: `X-Unsent: 1` so that the
//! client opens each as an editable draft, a file name from the subject and the recipient,
//! and a partial `--confirm-sent` that leaves the rest exported without failing.

use crate::harness::{Env, message_to, show};
use std::path::Path;

const ANN: &str = "Interview-invitation-for-Data-Analyst-4471_to_ann-globex.example.eml";
const BO: &str = "Interview-invitation-for-Data-Analyst-4471_to_bo-globex.example.eml";

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn eml_files_open_as_drafts_and_a_partial_confirmation_is_no_error() {
    let env = Env::new();
    let id = env.add(&["--other", "Bo Chen <bo@globex.example>"]);
    env.run(["decline", &id]).ok();
    let dir = env.path("outbox");
    std::fs::create_dir_all(&dir).expect("mkdir");
    // Someone else's file already has Bo's name: it is kept, and Bo's draft takes the next.
    let taken = BO.replace(".eml", "");
    std::fs::write(dir.join(BO), "not ours").expect("write");
    let dir_arg = dir.to_str().expect("utf-8");
    let report = env
        .run(["--json", "send", &id, "--eml-dir", dir_arg])
        .ok()
        .json();
    let bo_file = format!("{taken}-2.eml");
    assert_eq!(
        names(&dir),
        [ANN.to_string(), bo_file.clone(), BO.to_string()]
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(BO)).expect("read"),
        "not ours"
    );
    let shown = show(&env, &id);
    for (address, file) in [("ann@globex.example", ANN), ("bo@globex.example", &bo_file)] {
        let written = std::fs::read(dir.join(file)).expect("eml");
        let copy = message_to(&shown, address)["copy"]
            .as_str()
            .expect("copy")
            .to_string();
        let copy = std::fs::read(copy).expect("copy");
        assert!(written.starts_with(b"X-Unsent: 1\r\n"), "{file}");
        assert_eq!(
            &written[13..],
            copy.as_slice(),
            "the archived copy, as a draft"
        );
        assert!(
            !copy.windows(8).any(|w| w == b"X-Unsent"),
            "never in what is sent"
        );
        let reported = report["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .find(|m| m["to"]["email"] == address)
            .expect("reported");
        assert_eq!(reported["eml"], dir.join(file).to_str().expect("utf-8"));
    }
    // Exporting again rewrites the same files; it makes no new ones.
    env.run(["send", &id, "--eml-dir", dir_arg]).ok();
    assert_eq!(names(&dir).len(), 3);

    // Ann's was sent from the mail client; Bo's not yet: no error, and the report says so.
    let ann_id = message_to(&shown, "ann@globex.example")["message_id"]
        .as_str()
        .expect("id")
        .to_string();
    let text = env
        .run(["send", &id, "--confirm-sent", &ann_id])
        .ok()
        .stdout();
    assert!(
        text.contains("Still exported, waiting for --confirm-sent once you have sent them: Bo Chen <bo@globex.example>"),
        "{text}"
    );
    let shown = show(&env, &id);
    assert_eq!(message_to(&shown, "ann@globex.example")["status"], "sent");
    assert_eq!(
        message_to(&shown, "bo@globex.example")["status"],
        "exported"
    );
    assert_eq!(
        shown["status"], "declined",
        "not sent while Bo's is exported"
    );
    env.run(["send", &id, "--confirm-sent", "all"]).ok();
    assert_eq!(show(&env, &id)["status"], "sent");
}
