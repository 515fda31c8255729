"""W4's commands: `gradbook build` and `gradbook check` of a folder of lectures,
and Debian's `cmark` rendering the same Markdown with nothing executed (the
floor of any Markdown-to-HTML pipeline). Timed from outside: wall time of the process."""
import os
import shutil

from driver.workloads import Task


def gradbook(context):
    return os.path.join(context["binaries"], "gradbook")


def output(context, name):
    # Outputs stay until the end: on ext4 without a journal, creating files just
    # after deleting many costs the next build (the allocator skips freed inodes).
    return os.path.join(context["scratch"], "output", name)


def cold_build(name, folder):
    # Cold: a new process, and no build cache to take lectures from.
    return Task(f"gradbook build {name}", "gradbook build", figure_from="wall", peer=False,
                command=lambda c, r: [gradbook(c), "build", folder, "--output", output(c, f"{name}-{r}"), "--no-cache"])


def check(name, folder):
    return Task(f"gradbook check {name}", "gradbook check (floor)",
                figure_from="wall", peer=False, command=lambda c, r: [gradbook(c), "check", folder])


def cmark(name, files):
    tool = shutil.which("cmark") or "cmark"
    return Task(f"cmark {name}", "cmark (floor)", figure_from="wall",
                command=lambda c, r: [tool, *files])


def incremental_build(folder, lecture):
    """Builds the course once into an output folder, with a build cache of its
    own; then, before each timed run, changes one lecture (a trailing blank line
    added or taken away: new bytes and mtime, the same page) and builds into the
    same folder again: the changed lecture runs, the others come from the cache."""
    def command(context, _):
        return [gradbook(context), "build", folder, "--output", output(context, "touch"),
                "--cache", output(context, "touch-cache")]

    def setup(context):
        from driver.process import spawn
        spawn(command(context, 0))

    def touch(context, round_number):
        with open(lecture) as f:
            text = f.read().rstrip("\n") + "\n"
        with open(lecture, "w") as f:
            f.write(text + ("\n" if round_number % 2 == 0 else ""))

    return Task("gradbook build after a change", "gradbook build", command=command,
                figure_from="wall", peer=False, setup=setup, before=touch)
