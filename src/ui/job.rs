//! Work off the UI thread: one shape for every kind (imports, the integrity check, file
//! dialogs, a page's large read, and the coming exports), so each gets a named thread, a
//! progress value the frame can draw, a way to cancel, and a repaint when it ends.

use std::sync::Arc;
use std::thread::JoinHandle;

/// How far a job has come and whether it was asked to stop. Jobs without progress use `()`.
pub trait Progress: Send + Sync + 'static {
    /// Asks the job to stop at its next check; a job that cannot stop ignores it.
    fn cancel(&self) {}
}

impl Progress for () {}

impl Progress for crate::store::import::ImportProgress {
    fn cancel(&self) {
        crate::store::import::ImportProgress::cancel(self);
    }
}

/// A piece of work on a named thread of its own, with shared progress `P` and result `T`.
pub struct Job<T, P: Progress = ()> {
    progress: Arc<P>,
    handle: JoinHandle<T>,
}

/// Why a job gave no result.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("the thread could not be started: {0}")]
    Spawn(#[from] std::io::Error),
    #[error("the job stopped on an internal error")]
    Panicked,
}

impl<T: Send + 'static, P: Progress> Job<T, P> {
    /// Starts `work` on a thread called `name`; `repaint` (the window, when there is one) is
    /// woken when the work ends so its result is shown without waiting for input.
    pub fn spawn(
        name: &str,
        progress: P,
        repaint: Option<egui::Context>,
        work: impl FnOnce(&P) -> T + Send + 'static,
    ) -> Result<Job<T, P>, JobError> {
        let progress = Arc::new(progress);
        let shared = progress.clone();
        let handle = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let result = work(&shared);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
                result
            })?;
        Ok(Job { progress, handle })
    }

    /// The progress the job reports while it runs.
    pub fn progress(&self) -> &P {
        &self.progress
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// Waits for the job's result (at once, when it [`is_finished`](Job::is_finished)).
    pub fn join(self) -> Result<T, JobError> {
        self.handle.join().map_err(|_| JobError::Panicked)
    }

    /// Takes the result out of a finished job in `slot`, leaving `None`; a running job stays.
    pub fn take_finished(slot: &mut Option<Job<T, P>>) -> Option<Result<T, JobError>> {
        if !slot.as_ref().is_some_and(Job::is_finished) {
            return None;
        }
        slot.take().map(Job::join)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    struct Flag(AtomicBool);
    impl Progress for Flag {
        fn cancel(&self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_job_runs_on_a_named_thread_and_can_be_cancelled() {
        let job = Job::spawn("test-job", Flag(AtomicBool::new(false)), None, |flag| {
            while !flag.0.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
            std::thread::current().name().map(str::to_string)
        })
        .expect("spawns");
        let mut slot = Some(job);
        assert!(
            Job::take_finished(&mut slot).is_none(),
            "still running until cancelled"
        );
        slot.as_ref().expect("running").cancel();
        let name = loop {
            if let Some(result) = Job::take_finished(&mut slot) {
                break result.expect("no panic");
            }
            std::thread::yield_now();
        };
        assert_eq!(name.as_deref(), Some("test-job"));
        assert!(slot.is_none());
    }
}
