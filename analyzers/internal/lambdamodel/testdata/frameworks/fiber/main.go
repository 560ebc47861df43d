// Package main serves a fiber app through the adapter.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"
	fiberadapter "github.com/awslabs/aws-lambda-go-api-proxy/fiber"
	"github.com/gofiber/fiber/v2"
)

func list(c *fiber.Ctx) error { return nil } // want "handler code: list"

func main() { // want "init code: main"
	app := fiber.New()
	app.Get("/items", list) // want "handler route list"
	lambda.Start(fiberadapter.New(app).ProxyWithContext)
}
