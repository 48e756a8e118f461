//! Room for many connections at once.
//!
//! Every open connection is a file descriptor, and many systems start a
//! process with a soft limit of 1,024 of them (the hard limit is usually far
//! higher). A preview server shared with a team, a link checker or a load
//! test opens more than that, and past the soft limit `accept` fails and
//! clients wait. The soft limit is a default, not a policy: like Go's
//! runtime and nginx's `worker_rlimit_nofile`, `serve` raises it to the hard
//! limit (capped, since some systems report "unlimited").

/// The most descriptors asked for, whatever the hard limit allows.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const CAP: u64 = 1 << 16;

/// Raises this process's soft limit on open files towards its hard limit;
/// returns the limit in force afterwards (`None` where it cannot be read).
/// Failing to raise it is not an error: the server works, with less room.
pub fn raise_limit() -> Option<u64> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit/setrlimit only read and write the struct passed.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return None;
            }
            let wanted = limit.rlim_max.min(CAP).max(limit.rlim_cur);
            if wanted > limit.rlim_cur {
                let raised = libc::rlimit {
                    rlim_cur: wanted,
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit.rlim_cur = wanted;
                }
            }
        }
        Some(limit.rlim_cur)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        None
    }
}
