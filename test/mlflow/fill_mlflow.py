"""Fills a real MLflow tracking server with the real MLflow client, for mlgraph's import tests.

    python fill_mlflow.py TRACKING_URI PREFIX initial   experiments, nested runs with dataset
                                                        inputs, registered models, versions, aliases
    python fill_mlflow.py TRACKING_URI PREFIX change    moves the churn champion alias, deletes the
                                                        challenger alias, logs one more fraud run

Prints one JSON object on stdout with the ids the test checks against. PREFIX keeps the names of
one test run apart from any other data in the same mlgraph.
"""

import json
import sys

import mlflow
import pandas as pd
from mlflow import MlflowClient


def initial(client: MlflowClient, prefix: str) -> dict:
    churn = mlflow.set_experiment(f"{prefix}-churn")
    client.set_experiment_tag(churn.experiment_id, "team", "growth")
    train = pd.DataFrame({"age": [31, 45, 22], "sessions": [3, 10, 1], "churned": [0, 1, 0]})
    holdout = pd.DataFrame({"age": [50, 29], "sessions": [2, 7], "churned": [1, 0]})
    train_ds = mlflow.data.from_pandas(train, source="s3://ml-data/churn/train.csv", name="churn-train", targets="churned")
    holdout_ds = mlflow.data.from_pandas(holdout, name="churn-holdout", targets="churned")

    children = []
    with mlflow.start_run(run_name="churn-sweep") as parent:
        mlflow.set_tag("owner-team", "growth")
        mlflow.log_param("search", "grid")
        for depth in (3, 5):
            with mlflow.start_run(run_name=f"churn-depth-{depth}", nested=True) as child:
                mlflow.log_input(train_ds, context="training")
                mlflow.log_input(holdout_ds, context="evaluation")
                mlflow.log_params({"max_depth": depth, "learning_rate": 0.1})
                mlflow.log_metric("auc", {3: 0.8, 5: 0.82}[depth])
                mlflow.log_metric("auc", {3: 0.84, 5: 0.86}[depth], step=1)
                children.append(child.info.run_id)

    fraud = mlflow.set_experiment(f"{prefix}-fraud")
    with mlflow.start_run(run_name="fraud-xgb") as fraud_run:
        mlflow.log_input(mlflow.data.from_pandas(train, source="s3://ml-data/fraud/tx.parquet", name="fraud-tx"), context="training")
        mlflow.log_param("n_estimators", 200)
        mlflow.log_metric("precision", 0.93)

    churn_model = f"{prefix}-churn-classifier"
    client.create_registered_model(churn_model, tags={"domain": "growth"}, description="Predicts churn")
    v1 = client.create_model_version(churn_model, f"runs:/{children[0]}/model", run_id=children[0], tags={"depth": "3"})
    v2 = client.create_model_version(churn_model, f"runs:/{children[1]}/model", run_id=children[1], tags={"depth": "5"})
    client.set_registered_model_alias(churn_model, "champion", v2.version)
    client.set_registered_model_alias(churn_model, "challenger", v1.version)

    fraud_model = f"{prefix}-fraud-detector"
    client.create_registered_model(fraud_model)
    f1 = client.create_model_version(fraud_model, f"runs:/{fraud_run.info.run_id}/model", run_id=fraud_run.info.run_id)
    client.set_registered_model_alias(fraud_model, "champion", f1.version)

    return {
        "experiments": {"churn": churn.experiment_id, "fraud": fraud.experiment_id},
        "runs": {"sweep": parent.info.run_id, "depth3": children[0], "depth5": children[1], "fraud": fraud_run.info.run_id},
        "models": {"churn": churn_model, "fraud": fraud_model},
    }


def change(client: MlflowClient, prefix: str) -> dict:
    churn_model = f"{prefix}-churn-classifier"
    client.set_registered_model_alias(churn_model, "champion", "1")
    client.delete_registered_model_alias(churn_model, "challenger")
    mlflow.set_experiment(f"{prefix}-fraud")
    with mlflow.start_run(run_name="fraud-xgb-retrain") as run:
        mlflow.log_param("n_estimators", 400)
        mlflow.log_metric("precision", 0.95)
    return {"runs": {"retrain": run.info.run_id}}


def main() -> None:
    uri, prefix, step = sys.argv[1:4]
    mlflow.set_tracking_uri(uri)
    client = MlflowClient(uri)
    result = initial(client, prefix) if step == "initial" else change(client, prefix)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
