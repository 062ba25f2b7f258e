"""doit's pool of worker processes, made to end whatever its workers do.

doit's multiprocess runner waits for each worker's result without a limit: a worker killed
while it builds (the out-of-memory killer, a crash in a library) never answers, and the
build would wait forever, holding the build lock. It also leaves its workers running when
deciding what to run raises, and those keep the build from exiting. Its workers share two
queues, whose locks a worker killed while it waits for a job or sends a result holds for
ever, and the build could not tell which task a worker killed as it took one was running.
Here each worker has a pipe of its own, over which the build sends its jobs and it sends
its results: the build knows which task each one runs, a worker found dead fails that task
with one line, a new worker takes its place, and the other tasks go on. Ctrl-C, which a
terminal sends every process of the build, is the build's alone: it stops its workers and
says in one line that it was interrupted.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import wait

import doit.cmd_run
from doit.exceptions import DependencyError, TaskFailed, UnmetDependency
from doit.runner import JobHold, MRunner, Runner

# How often the build looks for dead workers while no result comes.
POLL_SECONDS = 0.5
# How long a build that stops waits for its workers to end before it kills them.
STOP_SECONDS = 30


def supervise_workers(source_of: Callable[[str], str],
                      rank: Callable[[str], tuple] = lambda name: ()) -> None:
    """Have `doit` run tasks in parallel through SupervisedRunner, and end on Ctrl-C in one
    line (Interrupted); `source_of` names the file a failed task's line names, from the
    task's name; `rank` orders the tasks ready to run, lowest first (see longest_first)."""
    SupervisedRunner.source_of = staticmethod(source_of)
    SupervisedRunner.rank = staticmethod(rank)
    doit.cmd_run.MRunner = SupervisedRunner
    doit.cmd_run.Runner = OneProcessRunner
    signal.signal(signal.SIGINT, interrupted)


class KeepsWhatWasBuilt:
    """A task not run because one it depends on failed (a model whose text or draft was
    refused) keeps doit's record of what it was last built from, as its files are kept:
    once the failure is mended (the text put back), it is due again only if what it
    depends on changed. (doit forgets the record, and every edition of the document was
    built again, each byte for byte as before.)"""

    def _handle_task_error(self, node, base_fail):
        if not isinstance(base_fail, UnmetDependency):
            return super()._handle_task_error(node, base_fail)
        self.dep_manager.remove_success = lambda task: None
        try:
            return super()._handle_task_error(node, base_fail)
        finally:
            del self.dep_manager.remove_success  # the class's own again


class OneProcessRunner(KeepsWhatWasBuilt, Runner):
    """doit's runner of one process (`doit -n 1`, a machine of one core)."""


class SupervisedRunner(KeepsWhatWasBuilt, MRunner):
    source_of: Callable[[str], str] = staticmethod(str)
    rank: Callable[[str], tuple] = staticmethod(lambda name: ())

    def select_task(self, node, tasks_dict):
        """doit's choice, but a check that raises (a file that cannot be read, say) fails
        that task in one line instead of ending the build with a traceback."""
        try:
            return super().select_task(node, tasks_dict)
        except Exception as error:  # told in one line, as a task failure
            self._handle_task_error(node, DependencyError(
                f"{self.source_of(node.task.name)}: cannot tell whether {node.task.name} is up "
                f"to date ({error})"))
            return False

    def execute_task_subprocess(self, job_q, result_q, reporter_class, build_ends=()):
        """In a worker: doit's loop, its jobs and results over the worker's own pipe. Stopped
        by the build (SIGTERM, as the build itself fails or is interrupted), it leaves the
        loop as on an error, so the process's clean-up runs; killed by the signal, it would
        leave the copies WeasyPrint made of faces its PDFs registered (writers/pdf/faces.py:
        font_configuration) in the temporary folder. The `build_ends` of the pipes, its own
        and the workers' forked before it, copied into it by the fork, are the build's alone:
        held open here, they would keep a worker waiting for a job from a build gone."""
        signal.signal(signal.SIGTERM, leave)
        sys.unraisablehook = unraisable_unless_left
        # Ctrl-C reaches every process of the terminal's group: the build stops its workers.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while forked
        for end in build_ends:
            end.close()
        super().execute_task_subprocess(job_q, result_q, reporter_class)

    def run_tasks(self, task_dispatcher):
        """doit's MRunner.run_tasks, each worker given its jobs over a pipe of its own, so
        the build always knows what each one runs, and a worker that dies (even while it
        sends or waits) takes nothing down with it; results are awaited a little at a time,
        dead workers looked for in between; on any error every worker is stopped."""
        self._run_tasks_init(task_dispatcher)
        longest_first(task_dispatcher, self.rank)
        workers: list[Worker] = []
        try:
            for _ in range(self.num_process):
                job = self.get_next_job(None)
                if job is None:
                    break  # no more workers than tasks
                self.start_worker(workers, job)
            while any(worker.job is not None for worker in workers):
                ready = wait([worker.connection for worker in workers], timeout=POLL_SECONDS)
                for worker in [worker for worker in workers if worker.connection in ready]:
                    try:
                        result = worker.connection.recv()
                    except (EOFError, OSError):
                        continue  # it died: found below
                    if "exit" in result:
                        raise result["exit"](result["exception"])
                    node = task_dispatcher.nodes[result["name"]]
                    if "reporter" in result:
                        getattr(self.reporter, result["reporter"])(node.task)
                        continue
                    self._process_result(node, node.task, result)
                    self.dispatch(node, worker, workers)
                for worker in [worker for worker in workers if not worker.process.is_alive()]:
                    self.replace_dead(worker, workers, task_dispatcher)
        except BaseException as error:
            stop(workers)
            if isinstance(error, Interrupted) and hasattr(self.reporter, "interrupted"):
                self.reporter.interrupted()
            raise
        for worker in workers:  # each told to end: its teardown reports, to its pipe's end
            while True:
                try:
                    result = worker.connection.recv()
                except (EOFError, OSError):
                    break
                if "reporter" in result:
                    getattr(self.reporter, result["reporter"])(
                        task_dispatcher.tasks[result["name"]])
            worker.process.join()

    def start_worker(self, workers: list[Worker], job) -> Worker:
        ours, theirs = multiprocessing.Pipe()
        channel = Channel(theirs)
        build_ends = [ours, *(worker.connection for worker in workers)]
        process = self.Child(target=self.execute_task_subprocess,
                             args=(channel, channel, self.reporter.__class__, build_ends))
        # Ctrl-C held back while forking: a worker not yet ignoring it would otherwise raise
        # the build's Interrupted in the build's own frames, which it was forked in.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        # What the worker inherits is frozen out of its collections, as Python's documentation
        # advises right before a fork (gc.freeze): its first step's collection (heap.py) would
        # walk the whole of the build's heap, copying each page it touches, some 15 ms.
        gc.freeze()
        try:
            process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        theirs.close()  # the worker's end is the worker's alone: its death closes the pipe
        worker = Worker(process, ours)
        workers.append(worker)
        worker.send(job)
        self.forked(worker)
        return worker

    def forked(self, worker: Worker) -> None:
        """Done by the build once `worker` is forked and has its first job (tasks/preload.py
        imports there what the workers forked next inherit)."""

    def replace_dead(self, worker: Worker, workers: list[Worker], task_dispatcher) -> None:
        """A worker that ended without being told to: its task fails in one line, and a new
        worker takes its place (its task's next jobs, or its wait)."""
        workers.remove(worker)
        worker.connection.close()
        if worker.job is None:
            return  # told to end: it ended
        if isinstance(worker.job, JobHold):
            self.start_worker(workers, worker.job)
            return
        name = worker.job.name
        node = task_dispatcher.nodes[name]
        self.process_task_result(node, TaskFailed(
            f"{self.source_of(name)}: the process building {name} "
            f"{how_it_ended(worker.process.exitcode)}; the build went on without it"))
        self.dispatch(node, self.start_worker(workers, JobHold()), workers)

    def dispatch(self, completed, freed: Worker, workers: list[Worker]) -> None:
        """Give the worker `completed` freed, and the workers holding on, their next jobs:
        a task, a wait (JobHold), or the end (None)."""
        free = self.free_proc + 1
        self.free_proc = 0
        holding = [worker for worker in workers
                   if worker is not freed and isinstance(worker.job, JobHold)]
        for worker in [freed, *holding][:free]:
            job = self.get_next_job(completed)
            completed = None
            if worker.single_use and job is not None:
                worker.send(None)  # it ends; a worker forked now takes its next job
                self.start_worker(workers, job)
            else:
                worker.send(job)


def stop(workers: list[Worker]) -> None:
    """Stop every worker, as the build fails or is interrupted, and wait until each has ended:
    a build that left one running would wait for it at its exit, for ever. A worker's SIGTERM
    can be lost (the exit it raises while Python runs a finalizer is ignored): that worker
    finishes its task, finds its pipe closed and ends, its clean-up done. One that has not
    ended in STOP_SECONDS (or at a second Ctrl-C) is killed."""
    for worker in workers:
        worker.process.terminate()
        worker.connection.close()
    deadline = time.monotonic() + STOP_SECONDS
    try:
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
    except Interrupted:
        pass  # Ctrl-C again: no more waiting
    for worker in workers:
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()


def longest_first(task_dispatcher, rank: Callable[[str], tuple]) -> None:
    """Have doit's dispatcher hand out the tasks ready to run in the order of their `rank`
    (lowest first; equal ranks as doit would), not in the order it happens to release them
    (the tasks a finished one held back come from a set): the longest tasks start first, so
    the shorter ones fill the workers' time around them and no worker is left with a long
    task at the end (longest-processing-time-first scheduling)."""
    release = task_dispatcher._update_waiting

    def released_in_order(processed) -> None:
        release(processed)
        ready = sorted(task_dispatcher.ready, key=lambda node: rank(node.task.name))
        task_dispatcher.ready.clear()
        task_dispatcher.ready.extend(ready)

    task_dispatcher._update_waiting = released_in_order


class Worker:
    """A worker process, the build's end of its pipe, and the job it was last given (None:
    told to end)."""

    def __init__(self, process, connection):
        self.process, self.connection = process, connection
        self.job = JobHold()
        # Ended after its first job: it was forked before the build imported what the
        # workers after it inherit (tasks/preload.py).
        self.single_use = False

    def send(self, job) -> None:
        self.job = job
        try:
            self.connection.send(job)
        except (BrokenPipeError, OSError):
            pass  # it died: the build finds it so


class Channel:
    """A worker's end of its pipe, as doit's loop reads its jobs and sends its results."""

    def __init__(self, connection):
        self.connection = connection

    def get(self):
        """The next job; the end (None) once the build has closed its end of the pipe."""
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            return None

    def put(self, message: dict) -> None:
        try:
            self.connection.send(message)
        except OSError:  # the build is gone (it stopped this worker): no one to tell
            pass


class Interrupted(SystemExit):
    """Ctrl-C, in the build: it ends as a shell expects of an interrupted program (128 +
    SIGINT), without a traceback; its workers are stopped on the way (run_tasks), and the
    console's summary says it was interrupted."""


def interrupted(signum: int, frame) -> None:
    raise Interrupted(128 + signum)


def leave(signum: int, frame) -> None:
    """A worker's answer to SIGTERM: leave, as on any error (doit's loop ends on it)."""
    raise SystemExit(128 + signum)


def unraisable_unless_left(unraisable) -> None:
    """A worker's hook for exceptions Python cannot raise (in a finalizer, say): the exit
    `leave` raised there is lost, not news (the worker ends once its pipe closes, see stop);
    any other is printed as Python prints it."""
    if not isinstance(unraisable.exc_value, SystemExit):
        sys.__unraisablehook__(unraisable)


def how_it_ended(exitcode: int | None) -> str:
    if exitcode == -signal.SIGKILL:
        return "was killed (SIGKILL, as when memory runs out)"
    if exitcode is not None and exitcode < 0:
        return f"died of signal {signal.Signals(-exitcode).name}"
    return f"ended early (exit status {exitcode})"
