Console.WriteLine("SocialSecurity.Modeling: provincial comparison (under construction)");
