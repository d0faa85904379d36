"""Emits a realistic ML pipeline to mlgraph through the real OpenLineage client's HTTP transport.

feature job -> training -> evaluation -> batch scoring, all children of one pipeline run, with schema,
version, symlinks and columnLineage facets. The events are sent out of order (the training run's
COMPLETE before its START, a late RUNNING after it finished), every other one gzip-compressed;
the replay sends them all again, newest first. Prints one JSON line: the ids and times the test checks against.

usage: emit_pipeline.py URL API_KEY PREFIX send|replay|reader-check
`send` sends the events out of order; `replay` sends them all again (ids come from PREFIX, so both
name the same runs); `reader-check` sends one event and prints the HTTP status the client raised.
"""

import json
import sys
import uuid
from datetime import datetime, timedelta, timezone

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import DatasetEvent, InputDataset, Job, JobEvent, OutputDataset, Run, RunEvent, RunState, StaticDataset
from openlineage.client.facet_v2 import (
    column_lineage_dataset as cl,
    dataset_version_dataset,
    job_type_job,
    parent_run,
    schema_dataset,
    symlinks_dataset,
)
from openlineage.client.transport.http import ApiKeyTokenProvider, HttpCompression, HttpConfig, HttpTransport

url, api_key, prefix, phase = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
PRODUCER = "https://github.com/acme/ml-pipelines/tree/v1.4.0"


def client(gzip=False):
    config = HttpConfig(
        url=url,
        auth=ApiKeyTokenProvider({"apiKey": api_key}),
        compression=HttpCompression.GZIP if gzip else None,
        retry={"total": 0},
        timeout=30.0,
    )
    return OpenLineageClient(transport=HttpTransport(config))


NS = f"ml-{prefix}"
DB = "postgres://db.acme.internal:5432"
BUCKET = f"s3://ml-{prefix}"
T0 = datetime(2024, 6, 1, 2, 0, tzinfo=timezone.utc)


def at(minutes):
    return (T0 + timedelta(minutes=minutes)).isoformat()


def schema(*cols):
    return schema_dataset.SchemaDatasetFacet(fields=[schema_dataset.SchemaDatasetFacetFields(name=n, type=t) for n, t in cols])


raw_customers = InputDataset(DB, f"shop.public.customers_{prefix}", facets={"schema": schema(("id", "INTEGER"), ("signup_date", "DATE"), ("plan", "VARCHAR"), ("email", "VARCHAR"))})
features_out = OutputDataset(
    BUCKET,
    "features/customers",
    facets={
        "schema": schema(("customer_id", "INTEGER"), ("tenure_days", "INTEGER"), ("plan", "VARCHAR")),
        "symlinks": symlinks_dataset.SymlinksDatasetFacet(
            identifiers=[symlinks_dataset.Identifier(namespace="hive://metastore", name=f"features.customers_{prefix}", type="TABLE")]
        ),
        "columnLineage": cl.ColumnLineageDatasetFacet(
            fields={
                "customer_id": cl.Fields(inputFields=[cl.InputField(DB, f"shop.public.customers_{prefix}", "id")]),
                "tenure_days": cl.Fields(
                    inputFields=[cl.InputField(DB, f"shop.public.customers_{prefix}", "signup_date", transformations=[cl.Transformation(type="DIRECT", subtype="TRANSFORMATION")])]
                ),
                "plan": cl.Fields(inputFields=[cl.InputField(DB, f"shop.public.customers_{prefix}", "plan")]),
            }
        ),
        "version": dataset_version_dataset.DatasetVersionDatasetFacet(datasetVersion="2024-06-01"),
    },
)
features_in = InputDataset(
    BUCKET,
    "features/customers",
    facets={"version": dataset_version_dataset.DatasetVersionDatasetFacet(datasetVersion="2024-06-01"), "symlinks": features_out.facets["symlinks"]},
)
model_out = OutputDataset(BUCKET, "models/churn/v7", facets={"version": dataset_version_dataset.DatasetVersionDatasetFacet(datasetVersion="7")})
model_in = InputDataset(BUCKET, "models/churn/v7", facets={"version": dataset_version_dataset.DatasetVersionDatasetFacet(datasetVersion="7")})
holdout = InputDataset(BUCKET, "holdout/customers")
metrics = OutputDataset(BUCKET, "eval/churn_v7_metrics")
active = InputDataset(DB, f"shop.public.active_customers_{prefix}")
scores = OutputDataset(DB, f"shop.public.churn_scores_{prefix}", facets={"schema": schema(("customer_id", "INTEGER"), ("churn_probability", "DOUBLE"))})

ids = uuid.uuid5(uuid.NAMESPACE_URL, f"https://mlgraph.test/{prefix}")
pipeline_run = str(uuid.uuid5(ids, "churn_pipeline"))
parent = parent_run.ParentRunFacet(run=parent_run.Run(runId=pipeline_run), job=parent_run.Job(namespace=NS, name="churn_pipeline"))

runs = {name: str(uuid.uuid5(ids, name)) for name in ["features", "train", "evaluate", "score"]}
steps = {
    # job name, jobType, inputs, outputs, start minute, end minute
    "features": ("build_features", "FEATURE_ENGINEERING", [raw_customers], [features_out], 0, 10),
    "train": ("train_churn", "TRAINING", [features_in], [model_out], 20, 50),
    "evaluate": ("evaluate_churn", "EVALUATION", [model_in, holdout], [metrics], 60, 65),
    "score": ("score_customers", "BATCH_INFERENCE", [model_in, active], [scores], 70, 80),
}


def event(step, state, minute, with_outputs):
    job_name, job_type, inputs, outputs, _, _ = steps[step]
    return RunEvent(
        eventType=state,
        eventTime=at(minute),
        run=Run(runId=runs[step], facets={"parent": parent}),
        job=Job(namespace=NS, name=job_name, facets={"jobType": job_type_job.JobTypeJobFacet(processingType="BATCH", integration="PYTHON", jobType=job_type)}),
        inputs=inputs,
        outputs=outputs if with_outputs else [],
        producer=PRODUCER,
    )


if phase == "reader-check":
    try:
        client().emit(event("features", RunState.START, 0, False))
        print(json.dumps({"status": 200}))
    except Exception as e:  # requests.HTTPError carries the response
        print(json.dumps({"status": getattr(getattr(e, "response", None), "status_code", None), "error": type(e).__name__}))
    sys.exit(0)

events = []
for step, (_, _, _, _, start, end) in steps.items():
    events.append(event(step, RunState.START, start, False))
    events.append(event(step, RunState.COMPLETE, end, True))
# Out of order: the training run finishes before it starts, and a RUNNING event arrives after it finished.
order = [events[0], events[1], events[3], events[2], events[4], events[5], events[6], events[7]]
order.append(event("train", RunState.RUNNING, 30, False))
static = [
    JobEvent(eventTime=at(90), job=Job(namespace=NS, name="monitor_drift"), inputs=[InputDataset(DB, f"shop.public.churn_scores_{prefix}")], outputs=[], producer=PRODUCER),
    DatasetEvent(eventTime=at(95), dataset=StaticDataset(BUCKET, "reports/churn_weekly"), producer=PRODUCER),
]

plain, gzipped = client(), client(gzip=True)
for i, e in enumerate(order + static if phase == "send" else reversed(order + static)):
    (gzipped if i % 2 else plain).emit(e)

print(json.dumps({"runs": runs, "pipelineRun": pipeline_run, "t0": T0.isoformat(), "events": len(order + static)}))
