"""A worker forked before the build imported what the others inherit (tasks/preload.py)
ends after its first job, and a worker forked then takes the next (tasks/workers.py)."""

from doit.runner import JobHold

from pipeline.tasks.workers import SupervisedRunner, Worker


class Pipe:
    def __init__(self):
        self.sent = []

    def send(self, job) -> None:
        self.sent.append(job)


class Dispatching(SupervisedRunner):
    """The runner's dispatch, its jobs and forks recorded instead of run."""

    def __init__(self, jobs):
        self.jobs, self.free_proc, self.started = list(jobs), 0, []

    def get_next_job(self, completed):
        return self.jobs.pop(0)

    def start_worker(self, workers, job):
        self.started.append(job)
        worker = worker_on(Pipe())
        workers.append(worker)
        worker.send(job)
        return worker


def worker_on(pipe: Pipe, single_use: bool = False) -> Worker:
    worker = Worker(process=None, connection=pipe)
    worker.single_use = single_use
    return worker


def test_a_single_use_worker_is_ended_and_a_new_one_takes_its_next_job():
    runner = Dispatching(["pdf:report/print"])
    freed = worker_on(Pipe(), single_use=True)
    workers = [freed]
    runner.dispatch(None, freed, workers)
    assert freed.connection.sent == [None]
    assert runner.started == ["pdf:report/print"] and len(workers) == 2


def test_a_single_use_worker_told_to_wait_is_ended_too_and_one_waits_in_its_place():
    hold = JobHold()
    runner = Dispatching([hold])
    freed = worker_on(Pipe(), single_use=True)
    runner.dispatch(None, freed, [freed])
    assert freed.connection.sent == [None] and runner.started == [hold]


def test_a_single_use_worker_at_the_end_of_the_build_is_only_ended():
    runner = Dispatching([None])
    freed = worker_on(Pipe(), single_use=True)
    runner.dispatch(None, freed, [freed])
    assert freed.connection.sent == [None] and runner.started == []


def test_any_other_worker_takes_its_next_job_itself():
    runner = Dispatching(["docx:report"])
    freed = worker_on(Pipe())
    runner.dispatch(None, freed, [freed])
    assert freed.connection.sent == ["docx:report"] and runner.started == []


def test_a_worker_is_forked_with_what_it_inherits_frozen_out_of_its_collections():
    import gc

    frozen_at_fork = []

    class Child:
        def __init__(self, target, args):
            pass

        def start(self):
            frozen_at_fork.append(gc.get_freeze_count())

    class Forking(SupervisedRunner):
        def __init__(self):
            self.Child, self.reporter = Child, object()

    frozen_before = gc.get_freeze_count()
    try:
        Forking().start_worker([], None)
    finally:
        gc.unfreeze()
    assert frozen_at_fork and frozen_at_fork[0] > frozen_before
