// The notebook worker process: one per running notebook, driven over stdin/stdout by NotebookWorker.
return await CourseCompanion.Notebooks.Worker.WorkerHost.RunAsync(args);
