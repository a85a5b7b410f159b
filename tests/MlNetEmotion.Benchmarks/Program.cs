// Entry point of the timed benchmark harness; cases register themselves in later commits.
System.Console.WriteLine("No benchmark cases yet.");
