System.Console.WriteLine("companion");
