import Foundation

/// Child processes, timed from outside: wall clock and the child's own rusage.
enum Child {
    struct Timing {
        var wall: Double
        var cpu: Double
        /// CPU seconds per wall second: 1.00 is one core busy throughout.
        var utilisation: Double { cpu / wall }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The run of median wall time among `runs` (3 when one takes over 5 s), after one
    /// untimed warm-up run; `command(i)` gives the command line of run i. A nonzero exit is a failure.
    static func median(runs: Int, environment: [String] = [], _ command: (Int) -> [String]) throws -> Timing {
        let warmUp = try run(command(runs), environment: environment)
        let runs = warmUp.wall > 5 ? min(runs, 3) : runs
        var timings: [Timing] = []
        for i in 0..<runs { timings.append(try run(command(i), environment: environment)) }
        return timings.sorted { $0.wall < $1.wall }[runs / 2]
    }

    /// Runs a command with stdout discarded and stderr kept in a file for a failure,
    /// `environment` added to ours. posix_spawn + wait4, not Foundation's `Process`:
    /// on Linux its `waitUntilExit` polls every 50 ms, which would swamp a 20 ms
    /// build, and wait4 gives this child's own rusage.
    static func run(_ command: [String], environment: [String] = []) throws -> Timing {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("gradbook-bench-\(getpid()).stderr").path
        defer { unlink(errorFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = command.map { strdup($0) } + [nil]
        // Added variables first: getenv takes the first of a name.
        let envp = (environment + ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }).map { strdup($0) } + [nil]
        defer { for string in argv + envp { free(string) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard status == 0 else {  // 0: exited normally, with status 0
            let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
            throw Failure(description: "\(command.prefix(3).joined(separator: " ")) … ended with status \(status >> 8) "
                + "(signal \(status & 0x7f)):\n" + String(stderr.suffix(600)))
        }
        return Timing(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }

    private static func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
}
