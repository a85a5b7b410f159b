System.Console.WriteLine("mlnet-emotion");
